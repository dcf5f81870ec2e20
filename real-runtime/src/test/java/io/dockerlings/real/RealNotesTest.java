package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealNotesTest {
  private static final Pattern ARG = Pattern.compile("\\{(\\d+)\\}");
  private static final Locale ZH = Locale.forLanguageTag("zh-CN");
  private static final EngineLocator LOCATOR = new EngineLocator();

  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        RealNotesTest.class.getResourceAsStream(
            "/" + RealNotes.BUNDLE.replace('.', '/') + "_" + suffix + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static TreeSet<String> arguments(String pattern) {
    TreeSet<String> args = new TreeSet<>();
    Matcher m = ARG.matcher(pattern);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }

  @Test
  void bothLanguages_haveTheSameKeys_andTheSameArguments_andDiffer() throws IOException {
    Properties en = bundle("en");
    Properties zh = bundle("zh_CN");
    assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
    for (String k : en.stringPropertyNames()) {
      assertEquals(arguments(en.getProperty(k)), arguments(zh.getProperty(k)), k);
      assertNotEquals(en.getProperty(k), zh.getProperty(k), k);
    }
  }

  @Test
  void everyNote_readsWithoutStrayQuotes_inBothLanguages() throws IOException {
    for (String suffix : new String[] {"en", "zh_CN"}) {
      Properties p = bundle(suffix);
      for (String k : p.stringPropertyNames()) {
        String pattern = p.getProperty(k);
        boolean formatted = !arguments(pattern).isEmpty();
        String said =
            formatted ? new MessageFormat(pattern).format(new Object[] {"A0", "A1"}) : pattern;
        assertFalse(said.contains("''"), suffix + " " + k + ": " + said);
        for (String a : arguments(pattern)) {
          assertTrue(said.contains("A" + a), suffix + " " + k + ": " + said);
        }
      }
    }
  }

  /** The English notes are word for word what real mode said before they moved to a bundle. */
  @Test
  void english_isWordForWordAsBefore() {
    Map<String, String> before =
        Map.ofEntries(
            Map.entry(
                RealNotes.ENGLISH.get("engine.unsupported", "login"),
                "dockerlings: real mode does not carry out 'docker login' yet; `mode sim` runs it in"
                    + " the simulator."),
            Map.entry(
                RealNotes.ENGLISH.get("engine.connectionFailed", new IOException("gone")),
                "dockerlings: the engine connection failed: java.io.IOException: gone"),
            Map.entry(
                RealNotes.ENGLISH.get("exec.stillRuns", "60", "web"),
                "dockerlings: the process still runs after 60 s; it goes on inside web (docker top"
                    + " web)."),
            Map.entry(
                RealNotes.ENGLISH.get("guard.refuses", "--privileged"),
                "dockerlings: real mode refuses --privileged: it reaches outside the container into"
                    + " your machine. Start dockerlings with --allow-host if you mean it."),
            Map.entry(
                RealNotes.ENGLISH.get("cp.tarStream"),
                "dockerlings: real mode copies between paths only; a tar stream on stdin or stdout"
                    + " (-) is not supported."),
            Map.entry(
                RealNotes.ENGLISH.get(
                    "context.notOurs", RealNotes.ENGLISH.get("kind.network"), "n1"),
                "dockerlings: real mode leaves alone what it did not create: network n1 is not part"
                    + " of this sandbox."),
            Map.entry(
                RealNotes.ENGLISH.get("logs.stoppedFollowing", "web", "60"),
                "dockerlings: stopped following web after 60 s; a real docker logs -f goes on until"
                    + " Ctrl-C."),
            Map.entry(
                RealNotes.ENGLISH.get("wait.stillRuns", "web", "60"),
                "dockerlings: web still runs after 60 s; a real docker wait would go on waiting"
                    + " (stop it, then wait again)."),
            Map.entry(
                RealNotes.ENGLISH.get("attach.sigProxyOff", "abc"),
                "dockerlings: Ctrl-C ended the docker CLI (status 130); with --sig-proxy=false the"
                    + " signal does not reach the container, which goes on in the background: docker"
                    + " logs / docker stop abc."),
            Map.entry(
                RealNotes.ENGLISH.get("attach.stillRunning", "60", "abc"),
                "dockerlings: the container is still running after 60 s; it goes on in the"
                    + " background (docker logs / docker stop abc)."));
    before.forEach((said, expected) -> assertEquals(expected, said));
  }

  @Test
  void of_isChineseForChinese_andEnglishOtherwise() {
    assertSame(RealNotes.CHINESE, RealNotes.of(ZH));
    assertSame(RealNotes.ENGLISH, RealNotes.of(Locale.GERMAN));
    assertSame(RealNotes.ENGLISH, RealNotes.of(null));
    assertEquals("容器", RealNotes.CHINESE.get("kind.container"));
  }

  @Test
  void missingBaseImage_isSaidInTheNotesLanguage() {
    String en = RealNotes.ENGLISH.get("base.busybox", "/bin/busybox");
    assertTrue(en.contains("apt-get install busybox-static"), en);
    assertTrue(
        RealNotes.CHINESE
            .get("base.registry", "/usr/bin/docker-registry")
            .contains("apt-get install docker-registry"));
  }

  private static CommandResult run(RealEngine engine, String line) {
    return engine.execute(CommandLine.split(line), "");
  }

  /** The notes real mode says at once, on the engine, in both languages and after a switch. */
  @Tag("real-engine")
  @Test
  void quickNotes_onTheEngine_areEnglishByDefault_andChineseUnderZhCn(@TempDir Path state)
      throws Exception {
    Assumptions.assumeTrue(
        LOCATOR.available(),
        "no Docker engine reachable: real-engine tests skipped (start dockerd or set DOCKER_HOST)");
    String[][] cases = {
      {"docker login -u someone", "engine.unsupported", "login"},
      {"docker run --privileged busybox true", "guard.refuses", "--privileged"},
      {"docker cp s4-i18n-none:/etc -", "cp.tarStream"},
      {"docker rmi busybox", "context.notOurs", "kind.image", "busybox"},
      {"docker save -o /etc/s4-i18n.tar busybox", "context.outside", "WHERE", "/etc/s4-i18n.tar"},
    };
    Path ws = state.resolve("ws");
    java.nio.file.Files.createDirectories(ws);
    HostPaths paths =
        new HostPaths() {
          @Override
          public java.util.Optional<Path> real(String typed) {
            Path p = ws.resolve(typed).normalize();
            return p.startsWith(ws) ? java.util.Optional.of(p) : java.util.Optional.empty();
          }

          @Override
          public String where() {
            return ws.toString();
          }
        };
    RealEngine en = RealEngine.connect(LOCATOR, RealOptions.in(state).withPaths(paths));
    RealEngine zh =
        RealEngine.connect(LOCATOR, RealOptions.in(state).withPaths(paths).withLanguage(ZH));
    try {
      for (String[] c : cases) {
        String enSaid = run(en, c[0]).stderr();
        String zhSaid = run(zh, c[0]).stderr();
        assertEquals(expected(RealNotes.ENGLISH, c, paths) + "\n", enSaid, c[0]);
        assertEquals(expected(RealNotes.CHINESE, c, paths) + "\n", zhSaid, c[0]);
      }
      zh.language(Locale.ENGLISH);
      assertEquals(
          expected(RealNotes.ENGLISH, cases[0], paths) + "\n", run(zh, cases[0][0]).stderr());
    } finally {
      en.close();
      zh.close();
    }
  }

  /**
   * The notes real mode says when it stops following after {@link RealAttach#LIMIT_SECONDS}: each
   * case on a session of its own, all at once, so the test takes one limit, not eight.
   */
  @Tag("real-engine")
  @Test
  void followLimitNotes_onTheEngine_areEnglishByDefault_andChineseUnderZhCn(@TempDir Path state)
      throws Exception {
    Assumptions.assumeTrue(
        LOCATOR.available(),
        "no Docker engine reachable: real-engine tests skipped (start dockerd or set DOCKER_HOST)");
    String limit = String.valueOf(RealAttach.LIMIT_SECONDS);
    // {command, note, arguments}, with N for the session's own container name.
    String[][] cases = {
      {"docker wait N", "wait.stillRuns", "N", limit},
      {"docker logs -f N", "logs.stoppedFollowing", "N", limit},
      {"docker exec N sleep 1000", "exec.stillRuns", limit, "N"},
    };
    java.util.List<java.util.concurrent.Callable<Void>> checks = new java.util.ArrayList<>();
    int n = 0;
    for (String[] c : cases) {
      for (RealNotes notes : new RealNotes[] {RealNotes.ENGLISH, RealNotes.CHINESE}) {
        Path own = state.resolve("s" + n++);
        checks.add(
            () -> {
              RealOptions o = RealOptions.in(own);
              RealEngine e =
                  RealEngine.connect(LOCATOR, notes == RealNotes.CHINESE ? o.withLanguage(ZH) : o);
              try {
                String name = "s4-i18n-" + own.getFileName();
                CommandResult up = run(e, "docker run -d --name " + name + " busybox sleep 1000");
                assertEquals(0, up.exitCode(), up.stderr());
                String said = run(e, c[0].replace("N", name)).stderr();
                String note = notes.get(c[1], c[2].replace("N", name), c[3].replace("N", name));
                assertTrue(said.contains(note + "\n"), c[0] + ": " + said);
              } finally {
                e.close();
              }
              return null;
            });
      }
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(checks.size());
    try {
      for (var f : pool.invokeAll(checks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String expected(RealNotes notes, String[] c, HostPaths paths) {
    Object[] args = new Object[c.length - 2];
    for (int i = 2; i < c.length; i++) {
      String a = c[i];
      args[i - 2] = a.startsWith("kind.") ? notes.get(a) : a.equals("WHERE") ? paths.where() : a;
    }
    return notes.get(c[1], args);
  }
}
