package io.dockerlings.lessons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangTest {
  @Test
  void of_readsTagsAsTheReplWritesThem() {
    assertEquals(Optional.of(Lang.ZH), Lang.of("zh-CN"));
    assertEquals(Optional.of(Lang.ZH), Lang.of("zh_cn"));
    assertEquals(Optional.of(Lang.EN), Lang.of("en"));
  }

  @Test
  void of_withAnUnknownTag_isEmpty() {
    assertEquals(Optional.empty(), Lang.of("fr"));
    assertEquals(Optional.empty(), Lang.of((String) null));
  }

  @Test
  void of_locale_isEnglishUnlessChinese() {
    assertEquals(Lang.ZH, Lang.of(Locale.SIMPLIFIED_CHINESE));
    assertEquals(Lang.EN, Lang.of(Locale.GERMANY));
  }
}
