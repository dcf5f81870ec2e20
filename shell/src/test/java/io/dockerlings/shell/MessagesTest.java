package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        MessagesTest.class.getResourceAsStream(
            "/io/dockerlings/shell/messages_" + suffix + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKey_existsInBothLanguages_andIsTranslated() throws IOException {
    Properties en = bundle("en");
    Properties zh = bundle("zh_CN");
    assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
    // Docker's own words stay as docker prints them.
    Set<String> untranslated = Set.of("detached");
    for (String k : en.stringPropertyNames()) {
      if (!untranslated.contains(k)) {
        assertNotEquals(en.getProperty(k), zh.getProperty(k), k);
      }
    }
  }

  @Test
  void chinese_isReadAsUtf8() {
    assertEquals("再见。\n", Messages.forLanguage("zh-CN").orElseThrow().get("bye"));
  }

  @Test
  void forLanguage_acceptsTheTwoLanguagesInTheirUsualSpellings() {
    assertEquals("zh-CN", Messages.forLanguage("zh-CN").orElseThrow().language());
    assertEquals("zh-CN", Messages.forLanguage("zh_cn").orElseThrow().language());
    assertEquals("en", Messages.forLanguage("en-GB").orElseThrow().language());
    assertTrue(Messages.forLanguage("fr").isEmpty());
  }

  @Test
  void forLocale_isChineseForChineseLocales_andEnglishOtherwise() {
    assertEquals("zh-CN", Messages.forLocale(Locale.TRADITIONAL_CHINESE).language());
    assertEquals("en", Messages.forLocale(Locale.FRANCE).language());
  }

  @Test
  void english_staysEnglish_whateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    try {
      assertEquals("Bye.\n", Messages.forLanguage("en").orElseThrow().get("bye"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void get_fillsPlaceholders() {
    assertTrue(
        Messages.forLanguage("en")
            .orElseThrow()
            .get("welcome", "sim")
            .startsWith("Welcome to dockerlings (sim backend)."));
  }

  @Test
  void moduleDone_saysOneLessonAsOne_andManyAsMany_inBothLanguages() {
    Messages en = Messages.forLanguage("en").orElseThrow();
    Messages zh = Messages.forLanguage("zh-CN").orElseThrow();
    assertEquals(
        "\u2605 Module M0 complete: its only lesson is finished.", en.get("module.done", "M0", 1));
    assertEquals(
        "\u2605 Module M7 complete: all 2 of its lessons are finished.",
        en.get("module.done", "M7", 2));
    assertEquals("\u2605 模块 M0 完成：它唯一的一门课已经完成。", zh.get("module.done", "M0", 1));
    assertEquals("\u2605 模块 M7 完成：它的 2 门课全部完成。", zh.get("module.done", "M7", 2));
    assertEquals(
        "\u2605\u2605 Course complete: all 16 lessons finished. Well done.",
        en.get("course.done", 16));
    assertEquals(
        "\u2605\u2605 Course complete: its only lesson finished. Well done.",
        en.get("course.done", 1));
    assertEquals("\u2605\u2605 整个课程完成：16 门课全部完成。干得好。", zh.get("course.done", 16));
  }
}
