package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitChangesTest {
  private static final ImageConfig BASE = ImageConfig.of(List.of("sh"));

  private static String refusal(String... changes) {
    return assertThrows(DockerException.class, () -> CommitChanges.apply(BASE, List.of(changes)))
        .text();
  }

  @Test
  void commit_badChange_isRefusedAsTheEngineWordsIt() {
    assertEquals(
        "Error response from daemon: foo is not a valid change command", refusal("FOO bar"));
    assertEquals(
        "Error response from daemon: stopsignal is not a valid change command",
        refusal("STOPSIGNAL SIGKILL"));
  }

  @Test
  void commit_parserErrors_comeBeforeUnknownCommands() {
    assertEquals(
        "Error response from daemon: ENV must have two arguments", refusal("FOO x", "ENV a"));
    assertEquals(
        "Error response from daemon: Syntax error - can't find = in \"c\". Must be of the form:"
            + " name=value",
        refusal("FOO x", "ENV a=b c"));
  }

  @Test
  void commit_unknownCommands_comeBeforeArgumentCounts() {
    assertEquals(
        "Error response from daemon: foo is not a valid change command", refusal("USER", "FOO x"));
  }

  @Test
  void commit_argumentCounts_comeBeforeBadPorts() {
    assertEquals(
        "Error response from daemon: ENV requires at least one argument",
        refusal("EXPOSE abc", "ENV"));
    assertEquals("Error response from daemon: Invalid proto: xyz", refusal("EXPOSE 80/xyz"));
  }

  @Test
  void commit_emptyChange_hasNoInstructions() {
    assertEquals("Error response from daemon: file with no instructions", refusal("  "));
  }

  @Test
  void commit_onbuildTriggers_andHealthchecks_areChecked() {
    assertEquals(
        "Error response from daemon: FROM isn't allowed as an ONBUILD trigger",
        refusal("ONBUILD FROM x"));
    assertEquals(
        "Error response from daemon: Unknown type \"FOO\" in HEALTHCHECK (try CMD)",
        refusal("HEALTHCHECK FOO"));
    assertEquals(BASE, CommitChanges.apply(BASE, List.of("ONBUILD RUN x", "HEALTHCHECK NONE")));
  }

  @Test
  void commit_goodChanges_allApply_andAnEmptyCmdIsTheShellAlone() {
    ImageConfig out = CommitChanges.apply(BASE, List.of("cmd", "ENV a=1 b='x y'", "EXPOSE 80"));
    assertEquals(Optional.of(List.of("/bin/sh", "-c")), out.cmd());
    assertEquals(List.of(ImageConfig.DEFAULT_PATH, "a=1", "b=x y"), out.env());
  }
}
