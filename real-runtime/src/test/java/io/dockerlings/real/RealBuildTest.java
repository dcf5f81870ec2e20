package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealBuildTest {
  @TempDir Path state;
  @TempDir Path context;

  private Twin open() throws Exception {
    Twin.assumeEngine();
    return Twin.open(state);
  }

  private void dockerfile(String text) throws Exception {
    Files.writeString(context.resolve("Dockerfile"), text);
  }

  @Test
  @Tag("real-engine")
  void build_threeSteps_printsTheClassicStreamAsTheSimulator() throws Exception {
    dockerfile("FROM busybox\nRUN echo hi > /f\nCOPY a.txt /a.txt\nCMD [\"cat\", \"/f\"]\n");
    Files.writeString(context.resolve("a.txt"), "aaa\n");
    Twin twin = open();
    try {
      CommandResult first =
          twin.same("docker build -t dl-ri-t-app:v1 -t dl-ri-t-app:v2 " + context);
      assertTrue(first.stdout().contains("Step 4/4 : CMD [\"cat\", \"/f\"]"), first.stdout());
      assertFalse(first.stdout().contains("io.dockerlings"), first.stdout());
      CommandResult cached = twin.same("docker build -t dl-ri-t-app:v1 " + context);
      assertEquals(3, cached.stdout().split("Using cache", -1).length - 1, cached.stdout());
      assertEquals(lastStepId(cached.stdout()), builtId(cached.stdout()));
      twin.same("docker run --rm dl-ri-t-app:v1");
      twin.same("docker history -q dl-ri-t-app:v1");
      twin.same("docker images dl-ri-t-app --format '{{.Repository}}:{{.Tag}}'");
      twin.same("docker build --no-cache -q " + context);
    } finally {
      twin.close();
    }
  }

  @Test
  @Tag("real-engine")
  void build_thenRmi_deletesTheSameImagesAsTheSimulator() throws Exception {
    dockerfile("FROM busybox\nRUN echo hi > /f\nCOPY Dockerfile /d\nCMD [\"cat\", \"/f\"]\n");
    Twin twin = open();
    try {
      twin.same("docker build -q --no-cache -t dl-ri-t-gone:v1 " + context);
      CommandResult rmi = twin.same("docker rmi dl-ri-t-gone:v1");
      assertFalse(rmi.stdout().isEmpty());
      twin.same("docker images -a -q --filter reference=dl-ri-t-gone");
    } finally {
      twin.close();
    }
  }

  @Test
  @Tag("real-engine")
  void build_image_carriesSandboxLabelsAndItsTagsGoWithTheSession() throws Exception {
    dockerfile("FROM busybox\nENV A=1\n");
    Twin twin = open();
    try {
      CommandResult r = twin.real("docker build --label course=yes -t dl-ri-t-lab " + context);
      assertEquals(0, r.exitCode(), r.stderr());
      assertTrue(r.stdout().contains("Step 3/3 : LABEL course=yes"), r.stdout());
      String labels =
          twin.real(
                  "docker image inspect -f '{{index .Config.Labels \"io.dockerlings.sandbox\"}}'"
                      + " dl-ri-t-lab")
              .stdout();
      assertEquals(twin.real.sessionId() + "\n", labels);
    } finally {
      twin.close();
    }
    assertTrue(Twin.LOCATOR.api().get("/images/dl-ri-t-lab/json").isEmpty());
  }

  @Test
  @Tag("real-engine")
  void build_failingRun_exitsWithItsCodeAndLeavesNoContainer() throws Exception {
    dockerfile("FROM busybox\nRUN echo out; exit 3\n");
    Twin twin = open();
    try {
      CommandResult r = twin.same("docker build " + context);
      assertEquals(3, r.exitCode());
      Matcher running = Pattern.compile("Running in ([0-9a-f]{12})").matcher(r.stdout());
      assertTrue(running.find(), r.stdout());
      assertTrue(Twin.LOCATOR.api().get("/containers/" + running.group(1) + "/json").isEmpty());
    } finally {
      twin.close();
    }
  }

  @Test
  @Tag("real-engine")
  void build_refusals_matchTheCli() throws Exception {
    dockerfile("FROM busybox\n");
    Twin twin = open();
    try {
      twin.same("docker build " + context.resolve("nosuch"));
      twin.same("docker build -t Bad:x " + context);
      twin.same("docker build -f " + context.resolve("Other") + " " + context);
      CommandResult foreign = twin.real("docker build -t busybox " + context);
      assertEquals(1, foreign.exitCode());
      assertTrue(foreign.stderr().contains("image busybox:latest is not part of this sandbox"));
    } finally {
      twin.close();
    }
  }

  @Test
  @Tag("real-engine")
  void build_dockerfileOutsideContextAndBuildArg_reachTheEngine(@TempDir Path elsewhere)
      throws Exception {
    Path file = elsewhere.resolve("Build.file");
    Files.writeString(file, "FROM busybox\nARG WHO=nobody\nRUN echo \"hi $WHO\"\n");
    Twin twin = open();
    try {
      CommandResult r =
          twin.real("docker build --build-arg WHO=learner -f " + file + " " + context);
      assertEquals(0, r.exitCode(), r.stderr());
      assertTrue(r.stdout().contains("\nhi learner\n"), r.stdout());
    } finally {
      twin.close();
    }
  }

  @Test
  void contextSize_isTheTarTheCliSends() throws Exception {
    dockerfile("FROM busybox\n");
    Files.writeString(context.resolve("a.txt"), "aaa\n");
    Files.createDirectory(context.resolve("skip"));
    Files.writeString(context.resolve("skip/big"), "x".repeat(5000));
    Files.writeString(context.resolve(".dockerignore"), "skip\n");
    // Dockerfile, a.txt, .dockerignore: a header and a block each, and two blocks at the end;
    // the ignored directory and its file are not sent.
    byte[] tar = RealBuild.tar(context, null, null);
    assertEquals(4096, tar.length);
    assertEquals("4.096kB", RealBuild.size(tar.length));
    Files.delete(context.resolve(".dockerignore"));
    assertEquals(3072 + 512 + 512 + 5120, RealBuild.tar(context, null, null).length);
  }

  @Test
  void hideSandboxLabel_dropsTheLabelStepsAndShowsTheFinalImage() {
    String engine =
        "Step 1/3 : FROM busybox\n ---> c3e1167e69cb\n"
            + "Step 2/3 : LABEL io.dockerlings.owner=vm:1\n ---> Running in 1ed19daf945e\n"
            + "Removing intermediate container 1ed19daf945e\n ---> 111111111111\n"
            + "Step 3/3 : LABEL io.dockerlings.sandbox=s\n ---> Running in 2ed19daf945e\n"
            + "Removing intermediate container 2ed19daf945e\n ---> 56f18ae9a483\n"
            + "Successfully built 56f18ae9a483\nSuccessfully tagged x:latest\n";
    assertEquals(
        "Step 1/1 : FROM busybox\n ---> 56f18ae9a483\n"
            + "Successfully built 56f18ae9a483\nSuccessfully tagged x:latest\n",
        RealBuild.hideSandboxLabel(engine, "sha256:56f18ae9a483ffff", 2));
  }

  @Test
  void hideSandboxLabel_keepsTheUnusedBuildArgWarningAfterTheLabelStep() {
    String engine =
        "Step 1/2 : FROM busybox\n ---> c3e1167e69cb\n"
            + "Step 2/2 : LABEL io.dockerlings.owner=vm:1\n ---> Running in 1ed19daf945e\n"
            + "Removing intermediate container 1ed19daf945e\n ---> 56f18ae9a483\n"
            + "[Warning] One or more build-args [BAR FOO] were not consumed\n"
            + "Successfully built 56f18ae9a483\n";
    assertEquals(
        "Step 1/1 : FROM busybox\n ---> 56f18ae9a483\n"
            + "[Warning] One or more build-args [BAR FOO] were not consumed\n"
            + "Successfully built 56f18ae9a483\n",
        RealBuild.hideSandboxLabel(engine, "sha256:56f18ae9a483ffff", 1));
  }

  @Test
  void hideSandboxLabel_countsTheLabelStepsOfAFailedBuild() {
    String engine = "Step 1/4 : FROM busybox\n ---> c3e1167e69cb\nStep 2/4 : RUN exit 3\n";
    assertEquals(
        "Step 1/2 : FROM busybox\n ---> c3e1167e69cb\nStep 2/2 : RUN exit 3\n",
        RealBuild.hideSandboxLabel(engine, "", 2));
  }

  private static String lastStepId(String out) {
    Matcher m = Pattern.compile("(?m)^ ---> ([0-9a-f]{12})$").matcher(out);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  private static String builtId(String out) {
    Matcher m = Pattern.compile("Successfully built ([0-9a-f]{12})").matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }
}
