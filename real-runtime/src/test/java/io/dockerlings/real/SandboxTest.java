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
