package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.ShellProcess.Listener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Which port a server program listens on and what it serves, read from its command line. */
final class Servers {
  private Servers() {}

  /**
   * The server {@code words} start, with its listening port, when it is one (nginx on 80, httpd on
   * -p or 80, registry on 5000, a Flask script on the port its source names).
   *
   * @param cwd the directory the server was started in
   * @param flaskScript the Flask script a python server runs, or null
   */
  static Optional<Listener> listener(
      ProcessHost host, List<String> words, String cwd, String flaskScript) {
    String name = Paths.name(words.isEmpty() ? "" : words.get(0));
    String home = cwd;
    int port;
    switch (name) {
      case "nginx", "docker-entrypoint.sh", "/docker-entrypoint.sh" -> port = 80;
      case "registry" -> port = 5000;
      case "python", "python2", "python2.7", "python3" -> {
        if (flaskScript == null) {
          return Optional.empty();
        }
        byte[] source = host.fs().read(flaskScript);
        port = new FlaskApp(new String(source, StandardCharsets.UTF_8)).port();
        home = flaskScript;
      }
      case "httpd" -> {
        port = 80;
        for (int i = 1; i < words.size() - 1; i++) {
          if (words.get(i).equals("-p")) {
            String p = words.get(i + 1);
            port = Integer.parseInt(p.substring(p.lastIndexOf(':') + 1));
          } else if (words.get(i).equals("-h")) {
            home = Paths.resolve(cwd, words.get(i + 1));
          }
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new Listener(name, port, home));
  }
}
