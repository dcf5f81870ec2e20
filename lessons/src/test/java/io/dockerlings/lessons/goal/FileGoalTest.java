package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class FileGoalTest {
  @Test
  void containerVolumeAndHostFiles_passAndFail() {
    Sandbox s =
        new Sandbox()
            .ok("docker run --name box -v data:/data busybox sh -c 'echo hello > /data/greet'")
            .ok("echo on-host > /root/note.txt");
    passes(s, "file: {container: box, path: /data/greet, equals: hello}");
    passes(s, "file: {volume: data, path: /greet, contains: 'hel+o'}");
    passes(s, "file: {host: true, path: /root/note.txt, contains: on-host}");
    passes(s, "file: {container: box, path: /nope, exists: false}");
    assertEquals(
        "/data/greet in container box holds \"hello\", not \"bye\"",
        fails(s, "file: {container: box, path: /data/greet, equals: bye}").reason().en());
    fails(s, "file: {volume: data, path: /greet, contains: bye}");
    fails(s, "file: {container: box, path: /data/greet, exists: false}");
    fails(s, "file: {host: true, path: /root/missing}");
    fails(s, "file: {container: nobox, path: /etc/passwd}");
  }
}
