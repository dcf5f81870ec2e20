package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleanup at the start of a session, on the engine: what a crashed session on this machine left
 * (found by its labels and its dead owner process) goes, with nothing else — not a live session's
 * objects, not another machine's, not unlabelled ones.
 */
@Tag("real-engine")
class SandboxTest {
  private static final String P = "dl-s2harden-reap-";

  @Test
  void connect_removesWhatADeadSessionLeft_andOnlyThat(@TempDir Path state) throws Exception {
    Twin.assumeEngine();
    String host = InetAddress.getLocalHost().getHostName();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String dead = host + ":" + gone.pid();
    String alive = host + ":" + ProcessHandle.current().pid();
    List<String> kinds = List.of("dead", "alive", "foreign", "plain");
    try {
      make("dead", "s2h-dead-session", dead);
      make("alive", "s2h-live-session", alive);
      make("foreign", "s2h-other-machine", "some-other-machine:1");
      make("plain", null, null);
      RealEngine real = RealEngine.connect(Twin.LOCATOR, RealOptions.in(state));
      try {
        assertEquals("", names("ps", "-a", "--format", "{{.Names}}", "dead"));
        assertEquals("", names("network", "ls", "--format", "{{.Name}}", "dead"));
        assertEquals("", names("volume", "ls", "--format", "{{.Name}}", "dead"));
        for (String kept : List.of("alive", "foreign", "plain")) {
          assertEquals(P + kept + "\n", names("ps", "-a", "--format", "{{.Names}}", kept));
          assertEquals(P + kept + "\n", names("network", "ls", "--format", "{{.Name}}", kept));
          assertEquals(P + kept + "\n", names("volume", "ls", "--format", "{{.Name}}", kept));
        }
      } finally {
        real.close();
      }
    } finally {
      for (String kind : kinds) {
        docker("rm", "-f", P + kind);
        docker("network", "rm", P + kind);
        docker("volume", "rm", P + kind);
      }
    }
  }

  @Test
  void connect_fromAnotherHome_removesADeadSessionsTags_foundByTheirMarkers(
      @TempDir Path deadHome, @TempDir Path liveHome, @TempDir Path newHome) throws Exception {
    Twin.assumeEngine();
    String host = InetAddress.getLocalHost().getHostName();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String tag = "s3x-orphan";
    List<String> made = List.of(tag + ":dead", tag + ":moved", tag + ":alive");
    var client = Twin.LOCATOR.api().client();
    Sandbox live = null;
    try {
      for (String t : made) {
        docker("tag", "busybox", t);
      }
      // A session killed with -9: its ledger stays in its own home, which the next start lacks.
      Sandbox dead =
          new Sandbox(
              client, RealOptions.in(deadHome).withSessionId("s3x-dead"), host + ":" + gone.pid());
      dead.recordTag(tag + ":dead");
      dead.recordTag(tag + ":moved");
      // Someone points :moved elsewhere afterwards: it is no longer the dead session's tag.
      docker("tag", "registry:2", tag + ":moved");
      live = new Sandbox(client, RealOptions.in(liveHome).withSessionId("s3x-live"));
      live.recordTag(tag + ":alive");
      assertEquals(3, markers().split("\n").length, markers());
      RealEngine real = RealEngine.connect(Twin.LOCATOR, RealOptions.in(newHome));
      real.close();
      String images = docker("images", "--format", "{{.Repository}}:{{.Tag}}", tag);
      assertEquals(List.of(tag + ":alive", tag + ":moved"), sorted(images));
      assertEquals(1, markers().split("\n").length, markers());
      live.cleanUp();
      live = null;
      assertEquals("", docker("images", "-q", tag + ":alive"));
      assertEquals("", markers());
    } finally {
      if (live != null) {
        live.cleanUp();
      }
      for (String t : made) {
        docker("rmi", t);
      }
      for (String v : markers().split("\n")) {
        if (!v.isBlank()) {
          docker("volume", "rm", v);
        }
      }
    }
  }

  /** The ledger markers of this test's sessions on the engine. */
  private static String markers() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String who : List.of("s3x-dead", "s3x-live")) {
      out.append(
          docker("volume", "ls", "-q", "--filter", "label=" + Sandbox.LEDGER_OF + "=" + who));
    }
    return out.toString();
  }

  private static List<String> sorted(String lines) {
    List<String> out = new ArrayList<>(List.of(lines.strip().split("\n")));
    out.removeIf(String::isBlank);
    java.util.Collections.sort(out);
    return out;
  }

  /** A container, a network and a volume named P+kind, with the sandbox labels when given. */
  private static void make(String kind, String session, String owner) throws Exception {
    List<String> labels = new ArrayList<>();
    if (session != null) {
      labels.addAll(List.of("--label", Sandbox.SANDBOX + "=" + session));
      labels.addAll(List.of("--label", Sandbox.OWNER + "=" + owner));
    }
    docker(join(List.of("create", "--name", P + kind), labels, List.of("busybox", "true")));
    docker(join(List.of("network", "create"), labels, List.of(P + kind)));
    docker(join(List.of("volume", "create"), labels, List.of(P + kind)));
  }

  private static String[] join(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all.toArray(String[]::new);
  }

  /** The names a listing prints, only those of this test's object of that kind. */
  private static String names(String... argsThenKind) throws Exception {
    String kind = argsThenKind[argsThenKind.length - 1];
    String[] args = java.util.Arrays.copyOf(argsThenKind, argsThenKind.length - 1);
    StringBuilder out = new StringBuilder();
    for (String line : docker(args).split("\n")) {
      if (line.equals(P + kind)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/docker"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
