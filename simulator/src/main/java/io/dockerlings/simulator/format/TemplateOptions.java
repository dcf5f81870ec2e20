package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * How a {@link GoTemplate} sees its data, mirroring the three ways docker 20.10 runs templates.
 *
 * <ul>
 *   <li>{@link #inspect()}: {@code docker inspect -f}. The template first runs over the typed
 *       object (objects are Go structs, except known map fields such as {@code Labels}, where a
 *       missing key prints {@code <no value>}); if that fails, docker reruns it over the decoded
 *       JSON (all maps, numbers as json.Number, {@code missingkey=error}) and reports that run's
 *       error, e.g. {@code map has no entry for key "Nope"}.
 *   <li>{@link #context(String)}: a row of {@code ps}/{@code images --format}: the root is a Go
 *       formatter context whose fields are methods; an unknown field fails with {@code can't
 *       evaluate field X in type *formatter.ContainerContext}; {@code {{json .}}} of the root sorts
 *       keys and escapes HTML (the context's MarshalJSON).
 *   <li>{@link #typedInspect(String)}: an inspect command without the JSON fallback, such as {@code
 *       docker volume inspect -f}: an unknown field fails with {@code can't evaluate field X in
 *       type types.Volume}.
 *   <li>{@link #header()}: the header row of a {@code table} format: the root is a map from field
 *       names to column titles, and json, split, join, title, lower, upper and truncate return
 *       their first argument unchanged.
 * </ul>
 *
 * @param mode which of the three
 * @param rootType Go type of the root in {@link Mode#CONTEXT} (for error messages)
 * @param mapFields struct fields whose values are Go maps (typed pass)
 * @param pointerFields struct fields whose values are Go pointers (null prints {@code <nil>}, not
 *     {@code []})
 * @param methods methods of the root, such as ps's {@code .Label "key"}
 */
public record TemplateOptions(
    Mode mode,
    String rootType,
    Set<String> mapFields,
    Set<String> pointerFields,
    Map<String, Method> methods) {

  /** The three execution styles. */
  public enum Mode {
    INSPECT,
    TYPED,
    CONTEXT,
    HEADER
  }

  /**
   * A method on the root value.
   *
   * @param arity number of arguments Go's method takes
   * @param body computes the result from the root node and the argument values
   */
  public record Method(int arity, BiFunction<JsonNode, List<JsonNode>, JsonNode> body) {}

  /** Fields of docker's inspect types that are Go maps. */
  public static final Set<String> DOCKER_MAP_FIELDS =
      Set.of(
          "Labels",
          "ExposedPorts",
          "Volumes",
          "Ports",
          "Networks",
          "PortBindings",
          "Options",
          "Data",
          "DriverOpts",
          "Sysctls",
          "StorageOpt",
          "Tmpfs",
          "Containers",
          "LogConfig.Config",
          "Annotations",
          "Status",
          "AuxAddress",
          "Services");

  /** Fields of docker's inspect types that are Go pointers. */
  public static final Set<String> DOCKER_POINTER_FIELDS =
      Set.of(
          "State",
          "Health",
          "Healthcheck",
          "IPAMConfig",
          "MemorySwappiness",
          "PidsLimit",
          "OomKillDisable",
          "Init",
          "StopTimeout",
          "HostConfig",
          "Config",
          "ContainerConfig",
          "NetworkSettings",
          "Node",
          "UsageData",
          "SizeRw",
          "SizeRootFs",
          "BindOptions",
          "VolumeOptions",
          "TmpfsOptions",
          "DriverConfig");

  public TemplateOptions {
    mapFields = Set.copyOf(mapFields);
    pointerFields = Set.copyOf(pointerFields);
    methods = Map.copyOf(methods);
  }

  /** {@code docker inspect -f}: typed pass, then the raw JSON fallback. */
  public static TemplateOptions inspect() {
    return new TemplateOptions(
        Mode.INSPECT, "", DOCKER_MAP_FIELDS, DOCKER_POINTER_FIELDS, Map.of());
  }

  /**
   * An inspect without JSON fallback over a root of Go type {@code rootType}, e.g. types.Volume.
   */
  public static TemplateOptions typedInspect(String rootType) {
    return new TemplateOptions(
        Mode.TYPED, rootType, DOCKER_MAP_FIELDS, DOCKER_POINTER_FIELDS, Map.of());
  }

  /** A row of a list command, e.g. {@code context("*formatter.ContainerContext")}. */
  public static TemplateOptions context(String rootType) {
    return new TemplateOptions(
        Mode.CONTEXT, rootType, DOCKER_MAP_FIELDS, DOCKER_POINTER_FIELDS, Map.of());
  }

  /** The header row of a table format. */
  public static TemplateOptions header() {
    return new TemplateOptions(Mode.HEADER, "", DOCKER_MAP_FIELDS, DOCKER_POINTER_FIELDS, Map.of());
  }

  /** These options plus one more root method (e.g. ps's {@code Label} with one argument). */
  public TemplateOptions withMethod(String name, Method method) {
    Map<String, Method> all = new LinkedHashMap<>(methods);
    all.put(name, method);
    return new TemplateOptions(mode, rootType, mapFields, pointerFields, all);
  }
}
