package io.dockerlings.simulator.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NotesTest {
  private static final Pattern ARG = Pattern.compile("\\{(\\d+)\\}");

  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        NotesTest.class.getResourceAsStream(
            "/" + Notes.BUNDLE.replace('.', '/') + "_" + suffix + ".properties")) {
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
        Object[] args = {"A0", "A1", "A2"};
        String said = formatted ? new MessageFormat(pattern).format(args) : pattern;
        assertFalse(said.contains("''"), suffix + " " + k + ": " + said);
        for (String a : arguments(pattern)) {
          // A lone quote in a formatted note would swallow its placeholder.
          assertTrue(said.contains("A" + a), suffix + " " + k + ": " + said);
        }
        if (!formatted) {
          assertFalse(pattern.contains("''"), suffix + " " + k + " is not formatted: " + pattern);
        }
      }
    }
  }

  @Test
  void get_quotesAsWritten_withAndWithoutArguments() {
    assertEquals(
        "dockerlings: 'docker swarm' is a real docker command that this simulator does not carry"
            + " out.",
        Notes.ENGLISH.get("cli.unsupported", "swarm"));
    assertEquals("dockerlings: only 'ip addr' is simulated", Notes.ENGLISH.get("sh.ip"));
  }

  @Test
  void of_isChineseForChinese_andEnglishOtherwise() {
    assertSame(Notes.CHINESE, Notes.of(Locale.forLanguageTag("zh-CN")));
    assertSame(Notes.CHINESE, Notes.of(Locale.TRADITIONAL_CHINESE));
    assertSame(Notes.ENGLISH, Notes.of(Locale.FRANCE));
    assertSame(Notes.ENGLISH, Notes.of(null));
    assertEquals("dockerlings：只模拟了 brctl show。", Notes.CHINESE.get("host.brctl"));
  }

  @Test
  void english_staysEnglish_whateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    try {
      assertEquals("dockerlings: only brctl show is simulated", Notes.ENGLISH.get("host.brctl"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void neutral_readsTheSameInBothLanguages_andLeavesOtherTextAlone() {
    String en =
        "on\n"
            + Notes.ENGLISH.get("run.keepsRunning", "fg", "10")
            + "\nError response from daemon: "
            + Notes.ENGLISH.get("network.driver", "macvlan")
            + "\n"
            + Notes.ENGLISH.get("sh.notSimulated", "nc")
            + "\n";
    String zh =
        "on\n"
            + Notes.CHINESE.get("run.keepsRunning", "fg", "10")
            + "\nError response from daemon: "
            + Notes.CHINESE.get("network.driver", "macvlan")
            + "\n"
            + Notes.CHINESE.get("sh.notSimulated", "nc")
            + "\n";
    assertEquals(Notes.neutral(en), Notes.neutral(zh));
    assertEquals(
        "on\n<dockerlings note run.keepsRunning>\nError response from daemon: <dockerlings note"
            + " network.driver>\n<dockerlings note sh.notSimulated>\n",
        Notes.neutral(en));
    assertEquals(
        "ls: /nope: No such file or directory\n",
        Notes.neutral("ls: /nope: No such file or directory\n"));
    // Different output stays different.
    assertNotEquals(Notes.neutral("a\n" + en), Notes.neutral("b\n" + zh));
  }
}
