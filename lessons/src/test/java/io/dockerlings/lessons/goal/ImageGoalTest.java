package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class ImageGoalTest {
  @Test
  void builtImage_configHistoryLayersAndBuiltWith() {
    // The build context lives on the simulated host (one host: builds read it, not the disk).
    Sandbox s =
        new Sandbox()
            .ok("mkdir -p /root/ctx")
            .ok(
                "printf 'FROM busybox\\nRUN echo hi > /hi\\nENV MODE=prod\\nUSER nobody\\n"
                    + "WORKDIR /tmp\\nEXPOSE 80\\nENTRYPOINT [\"httpd\"]\\nCMD [\"-f\"]\\n'"
                    + " > /root/ctx/Dockerfile")
            .ok("docker build -t app:v1 /root/ctx");
    passes(
        s,
        "image: {ref: 'app:v1', layers: 2, cmd: ['-f'], entrypoint: [httpd], env: {MODE: prod},"
            + " exposed: [80], user: nobody, workdir: /tmp, history: 'echo hi',"
            + " built-with: dockerfile, size: {max: 2MB}}");
    assertEquals(
        "image app:v1 has layers 2, not 3",
        fails(s, "image: {ref: 'app:v1', layers: 3}").reason().en());
    passes(s, "image: {ref: 'app:v1', layers: {min: 2, max: 5}}");
    fails(s, "image: {ref: 'app:v1', layers: {min: 3}}");
    fails(s, "image: {ref: 'app:v1', size: {max: 1kB}}");
    Verdict cmd = fails(s, "image: {ref: 'app:v1', cmd: sh}");
    assertEquals("image app:v1 has CMD -f, not sh", cmd.reason().en());
    // A Latin word before Chinese takes one space; the container's 命令 below takes none.
    assertEquals("镜像 app:v1 的 CMD 是 -f，而不是 sh", cmd.reason().zh());
    fails(s, "image: {ref: 'app:v1', entrypoint: [sh]}");
    fails(s, "image: {ref: 'app:v1', env: {MODE: dev}}");
    fails(s, "image: {ref: 'app:v1', exposed: [8080]}");
    fails(s, "image: {ref: 'app:v1', user: root}");
    fails(s, "image: {ref: 'app:v1', workdir: /app}");
    fails(s, "image: {ref: 'app:v1', history: 'apt-get'}");
    fails(s, "image: {ref: 'app:v1', built-with: commit}");
  }

  @Test
  void committedImage_isMadeByCommit_andMissingImageIsNamed() {
    Sandbox s =
        new Sandbox()
            .ok("docker run --name box busybox sh -c 'echo x > /x'")
            .ok("docker commit box snap:v1");
    passes(s, "image: {ref: 'snap:v1', built-with: commit, layers: 2}");
    fails(s, "image: {ref: 'snap:v1', built-with: dockerfile}");
    assertEquals("there is no image snap:latest", fails(s, "image: {ref: snap}").reason().en());
    passes(s, "image: {ref: busybox}");
  }

  @Test
  void imageBuiltFromAPipedDockerfile_isMadeByDockerfile() {
    Sandbox s =
        new Sandbox()
            .ok("printf 'FROM busybox\\nCMD [\"true\"]\\n' | docker build -t piped:v1 -")
            .ok("docker tag piped:v1 other:v1");
    passes(s, "image: {ref: 'piped:v1', built-with: dockerfile}");
    fails(s, "image: {ref: 'piped:v1', built-with: commit}");
    fails(s, "image: {ref: 'other:v1', built-with: dockerfile}");
  }
}
