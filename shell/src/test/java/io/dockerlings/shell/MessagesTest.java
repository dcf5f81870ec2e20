package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void everyKey_existsInBothLanguages() {
    ResourceBundle en = ResourceBundle.getBundle("io.dockerlings.shell.messages", Locale.ROOT);
    ResourceBundle zh =
        ResourceBundle.getBundle("io.dockerlings.shell.messages", Locale.SIMPLIFIED_CHINESE);
    assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()));
    for (String k : en.keySet()) {
      // A Chinese bundle that fell back to English for a key would show the same text.
      if (!k.equals("detached")) {
        org.junit.jupiter.api.Assertions.assertNotEquals(en.getString(k), zh.getString(k), k);
      }
    }
  }

  @Test
  void forTag_choosesChineseForZhTags_andEnglishOtherwise() {
    assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.forTag("zh-CN").locale());
    assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.forTag("zh_CN").locale());
    assertEquals(Locale.ENGLISH, Messages.forTag("fr-FR").locale());
  }
}
