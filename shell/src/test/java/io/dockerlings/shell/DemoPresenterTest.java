package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.demo.DemoCatalog;
import io.dockerlings.lessons.demo.DemoRun;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoPresenterTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private static final DemoRun.Engines MODEL_ONLY =
      new DemoRun.Engines() {
        @Override
        public DockerEngine model(String host) {
          return DockerSimulator.create(
              SimulatorOptions.defaults()
                  .withHost(new HostSpec(2, 8L << 30, "5.10", "Debian", "h")));
        }

        @Override
        public Optional<DockerEngine> engine() {
          return Optional.empty();
        }
      };

  /** Presents a demo with the keys given, one a line (an empty line is Enter). */
  private DemoRun present(String name, String keys, Lang lang) {
    StreamConsole console =
        new StreamConsole(
            new BufferedReader(new StringReader(keys)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            false);
    return new DemoPresenter(console, lang, MODEL_ONLY, DemoPresenter.Pace.instant(1))
        .present(DemoCatalog.find(name).orElseThrow(), false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void present_enterThroughEveryStep_showsCommandsPictureAndPrediction() {
    // Two do steps, then two predict steps that each wait for a key before running.
    DemoRun run = present("cpu-shares", "\n\n\n\n\n\n", Lang.EN);
    assertEquals(4, run.done());
    String s = out();
    assertTrue(s.contains("$ docker run -d --name demo-hi -c 1024"), s);
    assertTrue(s.contains("model's answer: 2.00"), s);
    assertTrue(s.contains("model's answer: 100%"), s);
    assertTrue(s.contains("End of the demo."), s);
    for (String line : s.split("\n")) {
      assertTrue(line.length() <= 120, line);
    }
  }

  @Test
  void present_quitMidway_stopsThere() {
    DemoRun run = present("cpu-shares", "\nq\n", Lang.EN);
    assertEquals(2, run.done());
    assertFalse(out().contains("End of the demo."));
  }

  @Test
  void present_backAndRerun_runTheStepAgainOnFreshEngines() {
    // A predict step waits for a key before it runs: step 1, next, step 2, back, step 1, rerun.
    DemoRun run = present("dns", "\n\n\nb\n\nr\n\nq\n", Lang.ZH);
    assertEquals(1, run.done());
    String s = out();
    assertEquals(3, s.split("dns · 第 1/2 步", -1).length - 1, s);
    assertFalse(s.contains("Error"), s);
    assertTrue(s.contains("模拟器的答案：1"), s);
  }

  @Test
  void present_engineKeyWithoutAnEngine_saysSoAndStaysOnTheModel() {
    DemoRun run = present("oom", "\np\nq\n", Lang.EN);
    assertFalse(run.engineOn());
  }

  /** The model, and a second simulator standing in for a real engine. */
  private static final DemoRun.Engines TWO_MODELS =
      new DemoRun.Engines() {
        @Override
        public DockerEngine model(String host) {
          return MODEL_ONLY.model(host);
        }

        @Override
        public Optional<DockerEngine> engine() {
          return Optional.of(MODEL_ONLY.model("default"));
        }
      };

  @Test
  void present_threeCommandStepWithTheEngineAt80x24_keepsItsHeaderOnTheScreen() {
    for (Lang lang : Lang.values()) {
      out.reset();
      StreamConsole console =
          new StreamConsole(
              new BufferedReader(new StringReader("\n\n\n\n")),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              false);
      new DemoPresenter(console, lang, TWO_MODELS, DemoPresenter.Pace.instant(1))
          .present(DemoCatalog.find("dns").orElseThrow(), true);
      String all = out();
      int second = all.indexOf("dns \u00b7 ", all.indexOf("dns \u00b7 ") + 1);
      String[] rows = all.substring(second).split("\n");
      int keys = 0;
      while (keys < rows.length && !rows[keys].contains(" q ")) {
        keys++;
      }
      String screen = String.join("\n", java.util.Arrays.copyOf(rows, keys + 1));
      assertTrue(keys + 1 <= 24, lang + ": " + (keys + 1) + " rows\n" + screen);
      assertTrue(screen.contains("$ docker network create demo-net"), screen);
      assertTrue(screen.contains("(+"), "long outputs are cut to one row: " + screen);
    }
  }

  /** A console 200 columns by 50 rows around a stream console. */
  private static Console wide(StreamConsole in) {
    return new Console() {
      @Override
      public Input readLine(String prompt) {
        return in.readLine(prompt);
      }

      @Override
      public Input readContainerLine(String prompt) {
        return in.readContainerLine(prompt);
      }

      @Override
      public void out(String text) {
        in.out(text);
      }

      @Override
      public void err(String text) {
        in.err(text);
      }

      @Override
      public void clear() {
        in.clear();
      }

      @Override
      public int width() {
        return 200;
      }

      @Override
      public int height() {
        return 50;
      }

      @Override
      public Input readWhileRunning(long timeoutMillis) {
        return in.readWhileRunning(timeoutMillis);
      }

      @Override
      public int readKey(long timeoutMillis) {
        return in.readKey(timeoutMillis);
      }

      @Override
      public java.util.List<String> history() {
        return in.history();
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  @Test
  void present_layersPicturesSideBySideAt200Columns_areDrawnAtHalfWidthAndNotCut() {
    StreamConsole console =
        new StreamConsole(
            new BufferedReader(new StringReader("\n\n\n\n\n\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            false);
    new DemoPresenter(wide(console), Lang.ZH, TWO_MODELS, DemoPresenter.Pace.instant(1))
        .present(DemoCatalog.find("build-cache").orElseThrow(), true);
    String all = out();
    String top =
        all.lines()
            .filter(l -> l.startsWith("\u250c") && l.contains("\u2502"))
            .findFirst()
            .orElse("");
    assertTrue(top.contains("\u2510 \u2502 \u250c"), "both boxes whole: " + top);
    assertTrue(top.endsWith("\u2510"), top);
    assertFalse(all.contains("\u2026 \u2502 \u2502"), "a picture row was cut:\n" + all);
  }
}
