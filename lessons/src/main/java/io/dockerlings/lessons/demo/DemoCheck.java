package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-test of a demo file: replays it headlessly on a fresh model and reports each command
 * docker itself refused (exit 125, a usage or daemon error; a command that merely fails, such as a
 * ping that cannot resolve, is part of a demo) and each quantity the model could not read.
 */
public final class DemoCheck {
  private DemoCheck() {}

  /** The problems found; empty when the demo runs through on the model. */
  public static List<String> replay(Demo demo, DemoRun.Engines engines) {
    List<String> problems = new ArrayList<>();
    try (DemoRun run = new DemoRun(demo, engines, false, 1)) {
      for (int i = 0; i < demo.steps().size(); i++) {
        DemoStep step = demo.steps().get(i);
        DemoRun.StepResult r = run.run(i, Style.plain(Lang.EN, 80), (x, n, of) -> {});
        List<CommandResult> results = r.model().results();
        for (int c = 0; c < results.size(); c++) {
          if (results.get(c).exitCode() == 125) {
            problems.add(
                "step "
                    + step.id()
                    + ": docker refused "
                    + step.commands().get(c).shown().lines().findFirst().orElse("")
                    + ": "
                    + results.get(c).stderr().lines().findFirst().orElse(""));
          }
        }
        if (r.model().value().map(v -> v.text().equals("-")).orElse(false)) {
          problems.add("step " + step.id() + ": the model cannot read its measure");
        }
      }
    }
    return problems;
  }
}
