package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.Layer;
import java.nio.charset.StandardCharsets;

/**
 * The files a catalog image's program needs beyond its binary, where the course looks at them:
 * nginx's binary in /usr/sbin, its configuration and the welcome page it serves; python's
 * interpreter names and site-packages directory.
 */
final class ImageExtras {
  private ImageExtras() {}

  /** The welcome page nginx serves at / (615 bytes, as in the official image). */
  static final String NGINX_WELCOME =
      "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\n"
          + "html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\n"
          + "font-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n"
          + "<h1>Welcome to nginx!</h1>\n"
          + "<p>If you see this page, the nginx web server is successfully installed and\n"
          + "working. Further configuration is required.</p>\n\n"
          + "<p>For online documentation and support please refer to\n"
          + "<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\n"
          + "Commercial support is available at\n"
          + "<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\n"
          + "<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n";

  private static final String NGINX_CONF =
      "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\n"
          + "pid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\n"
          + "http {\n    include       /etc/nginx/mime.types;\n"
          + "    default_type  application/octet-stream;\n    sendfile        on;\n"
          + "    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n";

  private static final String NGINX_DEFAULT_SITE =
      "server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n"
          + "    location / {\n        root   /usr/share/nginx/html;\n"
          + "        index  index.html index.htm;\n    }\n\n"
          + "    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n"
          + "        root   /usr/share/nginx/html;\n    }\n}\n";

  private static final String NGINX_50X =
      "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n"
          + "<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently"
          + " unavailable.<br/>\nPlease try again later.</p>\n</body>\n</html>\n";

  /** Adds {@code program}'s files to the layer; the bytes they take. */
  static long add(String program, Layer.Builder b) {
    long bytes = 0;
    switch (program) {
      case "nginx" -> {
        b.dir("/usr/sbin", 0755);
        b.syntheticFile("/usr/sbin/nginx", 1_400_000, 0755);
        bytes += 1_400_000;
        b.dir("/etc/nginx", 0755);
        b.dir("/etc/nginx/conf.d", 0755);
        bytes += text(b, "/etc/nginx/nginx.conf", NGINX_CONF);
        bytes += text(b, "/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_SITE);
        b.dir("/usr/share/nginx", 0755);
        b.dir("/usr/share/nginx/html", 0755);
        bytes += text(b, "/usr/share/nginx/html/index.html", NGINX_WELCOME);
        bytes += text(b, "/usr/share/nginx/html/50x.html", NGINX_50X);
        b.dir("/var/log/nginx", 0755);
        b.symlink("/var/log/nginx/access.log", "/dev/stdout");
        b.symlink("/var/log/nginx/error.log", "/dev/stderr");
        b.dir("/var/cache/nginx", 0755);
      }
      case "python2" -> {
        b.symlink("/usr/local/bin/python", "python2");
        b.symlink("/usr/local/bin/python2.7", "python2");
        b.dir("/usr/local/lib/python2.7", 0755);
        b.dir("/usr/local/lib/python2.7/site-packages", 0755);
      }
      default -> {}
    }
    return bytes;
  }

  private static long text(Layer.Builder b, String path, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    b.file(path, data, 0644);
    return data.length;
  }
}
