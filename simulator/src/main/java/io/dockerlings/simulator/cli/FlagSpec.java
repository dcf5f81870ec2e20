package io.dockerlings.simulator.cli;

import java.util.Optional;

/**
 * One flag of a docker command, as its help text declares it.
 *
 * @param longName the name after {@code --}, e.g. {@code "detach"}
 * @param shortName the letter after {@code -}, if any, e.g. {@code 'd'}
 * @param kind how values are taken
 * @param typeWord the type word shown in help ({@code "list"}, {@code "string"}, {@code "int"},
 *     {@code "bytes"}, {@code "duration"}, {@code "decimal"}...), empty for booleans
 * @param defaultValue the default as the help text states it, empty when none is stated
 */
public record FlagSpec(
    String longName,
    Optional<Character> shortName,
    FlagKind kind,
    String typeWord,
    Optional<String> defaultValue) {}
