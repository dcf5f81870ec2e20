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
import java.util.List;
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
  void present_threeCommandStepWithTheEngineAt120x24_keepsItsHeaderOnEachOfItsTwoPages() {
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
      assertTrue(
          screen.contains("64 bytes from 172.18.0.2"), "the outputs get the rows: " + screen);
      int page2 = all.indexOf(lang == Lang.EN ? "page 2/2" : "第 2/2 页");
      assertTrue(page2 > second, "the picture and values come on a second page:\n" + all);
      String[] two = all.substring(all.lastIndexOf('\n', page2) + 1).split("\n");
      int end = 0;
      while (end < two.length && !two[end].contains(" q ")) {
        end++;
      }
      assertTrue(end + 1 <= 24, lang + ": " + (end + 1) + " rows");
      String second2 = String.join("\n", java.util.Arrays.copyOf(two, end + 1));
      assertTrue(second2.contains(lang == Lang.EN ? "model's answer: 0" : "模拟器的答案：0"), second2);
      assertFalse(second2.contains("$ docker"), second2);
    }
  }

  /** A console 200 columns by 50 rows around a stream console. */
  private static Console wide(StreamConsole in) {
    return sized(in, 200, 50);
  }

  /** A console {@code w} columns by {@code h} rows around a stream console. */
  private static Console sized(StreamConsole in, int w, int h) {
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
        return w;
      }

      @Override
      public int height() {
        return h;
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

  @Test
  void present_buildCacheStep3At80x24_showsEveryStepsCacheLineThenThePictureOnPageTwo() {
    for (Lang lang : Lang.values()) {
      out.reset();
      // Step 1, step 2 (its hint, then its one page), step 3's hint, page 1, page 2, back, q.
      StreamConsole console =
          new StreamConsole(
              new BufferedReader(new StringReader("\n\n\n\n\nb\nq\n")),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              false);
      DemoRun run =
          new DemoPresenter(sized(console, 80, 24), lang, TWO_MODELS, DemoPresenter.Pace.instant(1))
              .present(DemoCatalog.find("build-cache").orElseThrow(), true);
      assertEquals(3, run.done(), "page 2 and back to page 1 ran nothing again");
      assertFalse(
          out().contains(lang == Lang.EN ? "step 2/3 \u00b7 page" : "第 2/3 步 \u00b7 第"),
          "a step without a picture keeps its values beside its output");
      String all = out();
      String page = lang == Lang.EN ? "page 1/2" : "第 1/2 页";
      String step3 = lang == Lang.EN ? "step 3/3" : "第 3/3 步";
      // Step 3's screen (on a stream the header is not rewritten to name its page).
      int first = all.indexOf("build-cache \u00b7 " + step3 + " \u00b7 ");
      assertTrue(first >= 0, all);
      List<String> rows = screen(all.substring(first));
      assertTrue(rows.size() <= 24, lang + ": " + rows.size() + " rows\n" + rows);
      String screen = String.join("\n", rows);
      for (String side :
          List.of(
              "\u2500 " + (lang == Lang.EN ? "model" : "模拟器"),
              "\u2500 " + (lang == Lang.EN ? "engine" : "引擎"))) {
        assertTrue(screen.contains(side), side + " in\n" + screen);
        String part = screen.substring(screen.indexOf(side));
        assertTrue(part.contains("Step 2/4 : RUN echo one > /one  ---> Using cache"), screen);
        assertTrue(part.contains("Step 3/4 : RUN echo TWO > /two  ---> Running in "), screen);
        assertTrue(part.contains("Step 4/4 : CMD [\"sh\"]  ---> Running in "), screen);
      }
      assertFalse(screen.contains("Layers of image"), "the picture waits for page 2: " + screen);
      int second = all.indexOf(lang == Lang.EN ? "page 2/2" : "第 2/2 页", first);
      List<String> two = screen(all.substring(all.lastIndexOf('\n', second) + 1));
      assertTrue(two.size() <= 24, lang + ": " + two.size() + " rows\n" + two);
      assertTrue(String.join("\n", two).contains("3,4"), String.join("\n", two));
      assertTrue(String.join("\n", two).contains("\u2502  3 "), "the layers: " + two);
      assertTrue(
          all.indexOf("build-cache \u00b7 " + step3 + " \u00b7 " + page, second) > second,
          "b on page 2 shows page 1 again");
    }
  }

  /** The rows of the screen that starts {@code text}, up to its keys line. */
  private static List<String> screen(String text) {
    List<String> rows = new java.util.ArrayList<>();
    for (String row : text.split("\n")) {
      rows.add(row);
      if (row.contains(" q ")) {
        break;
      }
    }
    return rows;
  }

  @Test
  void present_toTheEndAt80Columns_noRowIsWiderThanTheTerminal() {
    for (Lang lang : Lang.values()) {
      out.reset();
      StreamConsole console =
          new StreamConsole(
              new BufferedReader(new StringReader("\n".repeat(8))),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              false);
      new DemoPresenter(sized(console, 80, 24), lang, MODEL_ONLY, DemoPresenter.Pace.instant(1))
          .present(DemoCatalog.find("build-cache").orElseThrow(), false);
      String all = out();
      assertTrue(all.contains(lang == Lang.EN ? "End of the demo." : "演示结束。"), all);
      for (String row : all.split("\n")) {
        assertTrue(
            io.dockerlings.lessons.picture.Cells.width(row) <= 80, lang + ": too wide: " + row);
      }
    }
  }
}
