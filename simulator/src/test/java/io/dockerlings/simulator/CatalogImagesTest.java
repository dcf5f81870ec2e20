package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's catalog images behave as the notes use them: servers, package managers, Flask. */
class CatalogImagesTest {
  @TempDir Path dir;

  private DockerSimulator sim;

  @BeforeEach
  void start() {
    sim =
        DockerSimulator.create(
            new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 7)
                .withWorkspace(Workspace.at(dir)));
  }

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void nginx_servesItsWelcomePage_andCurlDashCapitalIPrintsHeadersOnly() {
    docker("run -d --name web -p 8080:80 nginx");
    CommandResult head = sim.host("curl -I http://localhost:8080");
    assertTrue(head.stdout().startsWith("HTTP/1.1 200 OK\nServer: nginx/"), head.stdout());
    assertTrue(head.stdout().contains("Content-Length: 615\n"), head.stdout());
    assertFalse(head.stdout().contains("<html>"), "no body with -I");
    String page = sim.host("curl http://localhost:8080").stdout();
    assertEquals(615, page.length());
    assertTrue(page.contains("<h1>Welcome to nginx!</h1>"));
    CommandResult missing = sim.host("curl -i http://localhost:8080/nosuch");
    assertTrue(missing.stdout().startsWith("HTTP/1.1 404 Not Found\n"), missing.stdout());
    assertTrue(missing.stdout().contains("<center>nginx/"), missing.stdout());
    assertEquals(0, docker("exec web ls /usr/sbin/nginx /etc/nginx/nginx.conf").exitCode());
  }

  @Test
  void registry_answersV2WithEmptyJson_andAnUnknownRepositoryWithNameUnknown() {
    docker("run -d --name reg -p 5000:5000 registry:2");
    CommandResult v2 = sim.host("curl -i http://localhost:5000/v2/");
    assertTrue(v2.stdout().startsWith("HTTP/1.1 200 OK\nContent-Length: 2\n"), v2.stdout());
    assertTrue(v2.stdout().endsWith("\n\n{}"), v2.stdout());
    assertEquals(
        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to"
            + " registry\",\"detail\":{\"name\":\"nosuch\"}}]}\n",
        sim.host("curl http://localhost:5000/v2/nosuch/tags/list").stdout());
  }

  @Test
  void busyboxHttpd_answersAMissingFileWithItsOwn404Page() {
    docker("run -d --name hd -p 8081:80 busybox httpd -f -p 80");
    CommandResult r = sim.host("curl -i http://localhost:8081/nosuch");
    assertTrue(r.stdout().startsWith("HTTP/1.1 404 Not Found\n"), r.stdout());
    assertTrue(r.stdout().endsWith("The requested URL was not found\n</BODY></HTML>\n"));
  }

  @Test
  void yum_installsVimWithDashY_asksWithoutIt_andRefusesAnUnknownPackage() {
    CommandResult ok =
        docker("run --name vimbox centos:7 sh -c 'yum -y install vim && ls /usr/bin/vim'");
    assertEquals(0, ok.exitCode(), ok.stderr());
    assertTrue(ok.stdout().contains("Installing:\n vim-enhanced"), ok.stdout());
    assertTrue(ok.stdout().endsWith("Complete!\n/usr/bin/vim\n"), ok.stdout());
    CommandResult asked = docker("run --rm centos:7 yum install vim");
    assertEquals(1, asked.exitCode());
    assertTrue(asked.stdout().endsWith("Is this ok [y/d/N]: Exiting on user command\n"));
    CommandResult unknown = docker("run --rm centos:7 yum -y install nosuch");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.stdout().contains("No package nosuch available.\nNothing to do\n"));
    String size = docker("ps -a -s --format {{.Size}} --filter name=vimbox").stdout();
    assertTrue(
        size.matches("(?s)[3-9]\\d\\.\\dMB.*"),
        "the layer holds vim's 23 MB and yum's 40 MB of metadata: " + size);
  }

  @Test
  void aptGet_needsAnUpdateFirst_thenInstallsWithDependencies() {
    CommandResult stale = docker("run --rm ubuntu apt-get install -y curl");
    assertEquals(100, stale.exitCode());
    assertTrue(stale.stderr().endsWith("E: Unable to locate package curl\n"), stale.stderr());
    CommandResult ok =
        docker("run --rm ubuntu sh -c 'apt-get update >/dev/null && apt-get install -y curl'");
    assertEquals(0, ok.exitCode(), ok.stderr());
    assertTrue(ok.stdout().contains("Setting up curl (7.81.0"), ok.stdout());
    CommandResult prompt =
        docker("run --rm ubuntu sh -c 'apt-get update >/dev/null && apt-get install curl'");
    assertEquals(1, prompt.exitCode());
    assertTrue(prompt.stdout().endsWith("Do you want to continue? [Y/n] Abort.\n"));
    CommandResult unknown =
        docker("run --rm ubuntu sh -c 'apt-get update >/dev/null && apt-get install -y nosuch'");
    assertEquals(100, unknown.exitCode());
  }

  @Test
  void apk_addsKnownPackages_andRefusesUnknownOnes() {
    CommandResult ok = docker("run --rm alpine apk add --no-cache curl");
    assertEquals(0, ok.exitCode());
    assertTrue(ok.stdout().contains("(3/3) Installing curl (8.5.0-r0)\n"), ok.stdout());
    CommandResult unknown = docker("run --rm alpine apk add nosuch");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.stderr().contains("nosuch (no such package):"), unknown.stderr());
  }

  @Test
  void flaskApp_ofTheNotes_buildsAndAnswersOnItsPort_withNameFromTheEnvironment() throws Exception {
    Path app = Files.createDirectories(dir.resolve("python_app"));
    Files.writeString(
        app.resolve("app.py"),
        "from flask import Flask\nimport socket\nimport os\n\napp = Flask(__name__)\n\n"
            + "@app.route('/')\ndef hello():\n    html = \"<h3>Hello {name}!</h3>\" \\\n"
            + "           \"<b>Hostname:</b> {hostname}<br/>\"\n"
            + "    return html.format(name=os.getenv(\"NAME\", \"world\"),"
            + " hostname=socket.gethostname())\n\nif __name__ == \"__main__\":\n"
            + "    app.run(host='0.0.0.0', port=80)\n");
    Files.writeString(app.resolve("requirements.txt"), "Flask\n");
    Files.writeString(
        app.resolve("Dockerfile"),
        "FROM python:2.7-slim\nWORKDIR /app\nADD . /app\n"
            + "RUN pip install --trusted-host pypi.python.org -r requirements.txt\nEXPOSE 80\n"
            + "ENV NAME World\nCMD [\"python\", \"app.py\"]\n");
    CommandResult build = docker("build -t testpython python_app");
    assertEquals(0, build.exitCode(), build.stderr());
    assertTrue(build.stdout().contains("Successfully installed click-7.1.2 Flask-1.1.4"));
    docker("run -d --name py -h pyhost -p 4000:80 testpython");
    assertEquals(
        "<h3>Hello World!</h3><b>Hostname:</b> pyhost<br/>",
        sim.host("curl http://localhost:4000").stdout());
    docker("run -d --name py2 -h other -e NAME=Docker -p 4001:80 testpython");
    assertTrue(sim.host("curl http://localhost:4001").stdout().startsWith("<h3>Hello Docker!"));
    assertTrue(docker("logs py").stderr().contains("Running on http://0.0.0.0:80/"));
    CommandResult bare =
        docker("run --rm -v /root/python_app:/app -w /app python:2.7-slim python app.py");
    assertEquals(1, bare.exitCode());
    assertTrue(bare.stderr().endsWith("ImportError: No module named flask\n"), bare.stderr());
  }

  @Test
  void pip_refusesAPackageThatDoesNotExist() {
    CommandResult r = docker("run --rm python:2.7-slim pip install nosuch");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("ERROR: No matching distribution found for nosuch"), r.stderr());
  }
}
