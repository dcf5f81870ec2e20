package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import org.junit.jupiter.api.Test;

class RealNetworksTest extends TwinTest {

  @Test
  void network_create_withSubnet_showsInInspect() {
    twin.same("docker network create --subnet 10.231.7.0/24 dl-ri-t-net");
    twin.same(
        "docker network inspect -f '{{.Name}} {{.Driver}} {{json .IPAM.Config}}' dl-ri-t-net");
    twin.same("docker network create dl-ri-t-net");
    twin.same("docker network ls --filter name=dl-ri-t-net");
    twin.same("docker network rm dl-ri-t-net");
  }

  @Test
  void network_create_withGateway_isTheEnginesIpam() {
    CommandResult r =
        twin.real("docker network create --subnet 10.231.8.0/24 --gateway 10.231.8.254 dl-ri-t-gw");
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(
        "[{\"Subnet\":\"10.231.8.0/24\",\"Gateway\":\"10.231.8.254\"}]\n",
        twin.real("docker network inspect -f '{{json .IPAM.Config}}' dl-ri-t-gw").stdout());
    CommandResult bad = twin.real("docker network create --gateway 10.1.1.1 dl-ri-t-gw2");
    assertEquals(1, bad.exitCode());
    assertEquals("every ip-range or gateway must have a corresponding subnet\n", bad.stderr());
  }

  @Test
  void network_ls_showsBuiltInsAndSandboxNetworksOnly() throws Exception {
    EngineApi api = Twin.LOCATOR.api();
    String foreign = api.client().createNetworkCmd().withName("dl-ri-t-foreign").exec().getId();
    try {
      twin.real("docker network create dl-ri-t-own");
      String names = twin.real("docker network ls --format '{{.Name}}'").stdout();
      assertEquals("bridge\ndl-ri-t-own\nhost\nnone\n", names);
      // By name the foreign network is not the session's; by id it is refused.
      CommandResult inspect = twin.real("docker network inspect dl-ri-t-foreign");
      assertEquals(1, inspect.exitCode());
      assertTrue(inspect.stderr().contains("No such network: dl-ri-t-foreign"), inspect.stderr());
      CommandResult byId = twin.real("docker network inspect " + foreign.substring(0, 12));
      assertEquals(1, byId.exitCode());
      assertTrue(byId.stderr().contains("is not part of this sandbox"), byId.stderr());
      CommandResult rm = twin.real("docker network rm " + foreign.substring(0, 12));
      assertEquals(1, rm.exitCode());
      assertTrue(api.get("/networks/" + foreign).isPresent());
      assertEquals("0\n", twin.real("docker network prune -f").exitCode() + "\n");
      assertTrue(api.get("/networks/" + foreign).isPresent(), "prune took a foreign network");
      assertTrue(twin.real("docker network ls -q --filter name=dl-ri-t-own").stdout().isEmpty());
    } finally {
      api.client().removeNetworkCmd(foreign).exec();
    }
  }

  @Test
  void network_connectAndDisconnect_answerAsTheSimulator() {
    twin.same("docker network create dl-ri-t-link");
    twin.same("docker run -d --name dl-ri-t-c busybox sleep 60");
    twin.same("docker network connect dl-ri-t-link dl-ri-t-c");
    twin.same("docker network connect dl-ri-t-link dl-ri-t-c");
    twin.same("docker network connect dl-ri-t-nosuch dl-ri-t-c");
    twin.same("docker network rm dl-ri-t-link");
    twin.same("docker network disconnect dl-ri-t-link dl-ri-t-c");
    twin.same("docker network disconnect dl-ri-t-link dl-ri-t-c");
    twin.same("docker network rm dl-ri-t-link dl-ri-t-nosuch");
  }

  @Test
  void network_inspectBridge_showsOnlySandboxContainers() {
    twin.real("docker run -d --name dl-ri-t-b busybox sleep 60");
    String names =
        twin.real("docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' bridge")
            .stdout();
    assertEquals("dl-ri-t-b \n", names);
  }

  @Test
  void network_builtInsAndMissing_areTheEnginesErrors() {
    twin.same("docker network rm host");
    twin.same("docker network inspect dl-ri-t-nosuch");
    twin.same("docker network prune -f");
    CommandResult asked = twin.real("docker network prune", "n\n");
    assertEquals(
        "WARNING! This will remove all custom networks not used by at least one container.\n"
            + "Are you sure you want to continue? [y/N] ",
        asked.stdout());
    assertFalse(asked.stdout().contains("Deleted"));
  }

  @Test
  void network_ls_badFilters_areTheClisAndTheEnginesErrors() {
    CommandResult noValue = twin.real("docker network ls --filter foo");
    assertEquals(125, noValue.exitCode());
    assertEquals(
        "invalid argument \"foo\" for \"-f, --filter\" flag: bad format of filter (expected"
            + " name=value)\nSee 'docker network ls --help'.\n",
        noValue.stderr());
    CommandResult unknown = twin.real("docker network ls --filter foo=1");
    assertEquals(1, unknown.exitCode());
    assertEquals("Error response from daemon: Invalid filter 'foo'\n", unknown.stderr());
  }
}
