package io.dockerlings.lessons.picture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.text.Lang;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuPictureTest {
  private static CpuPicture.Readings readings(double hi, double lo) {
    return new CpuPicture.Readings(
        2,
        List.of(
            new CpuPicture.Row("hi", 1024, 0, "0", 66.7, Optional.of(hi)),
            new CpuPicture.Row("lo", 512, 0, "0", 33.3, Optional.of(lo))),
        5);
  }

  @Test
  void render_engineFarShortOfTheModel_saysTheHostIsBusy() {
    String s = CpuPicture.render(readings(15.2, 7.7), Style.plain(Lang.EN, 80));
    assertTrue(s.contains("other programs on this host"), s);
    assertTrue(s.contains("engine 22.9% (5 readings)"), s);
  }

  @Test
  void render_engineMatchingTheModel_saysNothingAboutLoad() {
    String s = CpuPicture.render(readings(65.0, 33.0), Style.plain(Lang.ZH, 80));
    assertFalse(s.contains("其他程序"), s);
    assertTrue(s.contains("--cpuset-cpus 0"), s);
  }
}
