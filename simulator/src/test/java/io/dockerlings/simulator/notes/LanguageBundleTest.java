package io.dockerlings.simulator.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageBundleTest {
  @Test
  void anyChineseLocale_isSimplifiedChinese_andAnythingElseEnglish() {
    assertEquals(
        Locale.SIMPLIFIED_CHINESE, new LanguageBundle(Notes.BUNDLE, Locale.TAIWAN).locale());
    assertEquals(Locale.ENGLISH, new LanguageBundle(Notes.BUNDLE, Locale.FRENCH).locale());
    assertEquals(Locale.ENGLISH, new LanguageBundle(Notes.BUNDLE, null).locale());
  }

  @Test
  void english_staysEnglish_underAChineseDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      String brctl = new LanguageBundle(Notes.BUNDLE, Locale.ENGLISH).get("host.brctl");
      assertTrue(brctl.startsWith("dockerlings: "), brctl);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void get_withArguments_formats_andPattern_keepsThePlaceholders() {
    LanguageBundle en = new LanguageBundle(Notes.BUNDLE, Locale.ENGLISH);
    String key =
        en.keys().stream().filter(k -> en.pattern(k).contains("{0}")).findFirst().orElseThrow();
    assertTrue(en.get(key, "XYZZY", "2", "3").contains("XYZZY"), en.get(key, "XYZZY", "2", "3"));
    assertTrue(en.pattern(key).contains("{0}"));
    assertEquals(new LanguageBundle(Notes.BUNDLE, Locale.CHINA).keys(), en.keys());
  }
}
