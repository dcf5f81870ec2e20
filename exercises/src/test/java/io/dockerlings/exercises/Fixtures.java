package io.dockerlings.exercises;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.ExerciseLoader;
import java.nio.charset.StandardCharsets;

/** A small exercise file the tests share. */
public final class Fixtures {
  private Fixtures() {}

  public static final String TINY =
      """
      id: tiny
      module: M2
      title: {en: Tiny, zh: 小练习}
      task: {en: Run a container named app., zh: 运行一个名为 app 的容器。}
      seed: 7
      time-limit: 30m
      deadline: 2026-12-20T23:59:00Z
      backends: [sim, real]
      tasks:
        - id: run
          title: {en: Run it, zh: 运行它}
          checks:
            - id: exists
              points: 3
              goal: {container: {name: app}}
              reason: {en: a container named app exists, zh: 存在名为 app 的容器}
              hint: {en: use --name, zh: 用 --name}
              partial:
                - points: 1
                  goal: {used: "docker run"}
                  reason: {en: ran something, zh: 运行过容器}
            - id: no-priv
              points: 1
              visible: false
              goal: {never: "--privileged"}
              reason: {en: no privileged mode, zh: 不用特权模式}
      solution: [docker run --name app busybox]
      wrong:
        - name: no name
          commands: [docker run busybox]
      """;

  /** The tiny exercise, loaded. */
  public static Exercise tiny() {
    try {
      return new ExerciseLoader().load("tiny", TINY.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
