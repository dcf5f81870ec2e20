package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.dockerjava.api.model.MountType;
import io.dockerlings.simulator.cli.DockerException;
import org.junit.jupiter.api.Test;

class MountsTest {
  @Test
  void parse_readsTypeSourceTargetAndReadonly() {
    assertEquals(
        new Mounts.Spec("bind", "/data", "/d", true),
        Mounts.parse("type=bind,source=/data,target=/d,readonly"));
    assertEquals(
        new Mounts.Spec("volume", "v", "/v", false), Mounts.parse("src=v,dst=/v,ro=false"));
  }

  @Test
  void parse_withoutTarget_isRefusedWithExit125() {
    DockerException e = assertThrows(DockerException.class, () -> Mounts.parse("type=bind,src=/x"));
    assertEquals(125, e.exitCode());
  }

  @Test
  void toMount_givesTheEnginesMount() {
    var m = Mounts.parse("type=tmpfs,target=/t").toMount();
    assertEquals(MountType.TMPFS, m.getType());
    assertEquals("/t", m.getTarget());
  }

  @Test
  void parse_tmpfsSizeAndMode_reachTheEnginesTmpfsOptions() {
    var m = Mounts.parse("type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=700").toMount();
    assertEquals(1048576L, m.getTmpfsOptions().getSizeBytes());
    assertEquals(0700, m.getTmpfsOptions().getMode());
  }

  @Test
  void parse_badTmpfsSize_isTheClisErrorWithExit125() {
    DockerException e =
        assertThrows(
            DockerException.class, () -> Mounts.parse("type=tmpfs,target=/t,tmpfs-size=abc"));
    assertEquals(125, e.exitCode());
    assertEquals(
        "invalid argument \"type=tmpfs,target=/t,tmpfs-size=abc\" for \"--mount\" flag: invalid"
            + " value for tmpfs-size: abc",
        e.text());
  }

  @Test
  void knownType_isFalseForATypeTheDaemonDoesNotKnow() {
    assertEquals(false, Mounts.parse("type=foo,target=/t").knownType());
    assertEquals(true, Mounts.parse("type=tmpfs,target=/t").knownType());
  }
}
