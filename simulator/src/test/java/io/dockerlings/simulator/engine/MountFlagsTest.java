package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MountFlagsTest {
  @Test
  void entry_bindReadonly_keepsOnlyTheFieldsGiven() {
    assertEquals(
        "{\"Type\":\"bind\",\"Source\":\"/a\",\"Target\":\"/x\",\"ReadOnly\":true}",
        MountFlags.entry("type=bind,source=/a,target=/x,readonly").toString());
    assertEquals(
        "{\"Type\":\"bind\",\"Source\":\"/a\",\"Target\":\"/y\"}",
        MountFlags.entry("type=bind,src=/a,dst=/y,ro=false").toString());
  }

  @Test
  void entry_defaultTypeIsVolume_andAnAnonymousOneHasNoSource() {
    assertEquals(
        "{\"Type\":\"volume\",\"Target\":\"/anon\"}", MountFlags.entry("target=/anon").toString());
  }

  @Test
  void entry_typeOptions_inTheirGoStructs() {
    assertEquals(
        "{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/d\",\"ReadOnly\":true,"
            + "\"VolumeOptions\":{\"NoCopy\":true,\"DriverConfig\":{}}}",
        MountFlags.entry("type=volume,source=v,target=/d,readonly,volume-nocopy").toString());
    assertEquals(
        "{\"Type\":\"tmpfs\",\"Target\":\"/t\",\"TmpfsOptions\":{\"SizeBytes\":1048576}}",
        MountFlags.entry("type=tmpfs,target=/t,tmpfs-size=1m").toString());
    assertEquals(
        "{\"Type\":\"tmpfs\",\"Target\":\"/t\",\"TmpfsOptions\":{\"Mode\":1016}}",
        MountFlags.entry("type=tmpfs,target=/t,tmpfs-mode=1770").toString());
    assertEquals(
        "{\"Type\":\"bind\",\"Source\":\"/a\",\"Target\":\"/z\","
            + "\"BindOptions\":{\"Propagation\":\"shared\"}}",
        MountFlags.entry("type=bind,source=/a,target=/z,bind-propagation=shared").toString());
  }

  @Test
  void propagation_onlyForTheBindAtThatTarget() {
    List<String> flags =
        List.of("type=bind,source=/a,target=/z,bind-propagation=shared", "type=bind,src=/a,dst=/y");
    assertEquals(Optional.of("shared"), MountFlags.propagation(flags, "/z"));
    assertEquals(Optional.empty(), MountFlags.propagation(flags, "/y"));
  }
}
