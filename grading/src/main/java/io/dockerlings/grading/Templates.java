package io.dockerlings.grading;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The report templates (Mustache), compiled once: HTML ones escape what they insert, Markdown ones
 * insert it as it is (the values are escaped for Markdown beforehand).
 */
final class Templates {
  private final Mustache feedbackHtml;
  private final Mustache feedbackMd;
  private final Mustache summaryHtml;
  private final String css;

  Templates() {
    DefaultMustacheFactory html = new DefaultMustacheFactory("io/dockerlings/grading");
    DefaultMustacheFactory plain =
        new DefaultMustacheFactory("io/dockerlings/grading") {
          @java.lang.Override
          public void encode(String value, Writer writer) {
            try {
              writer.write(value);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    feedbackHtml = html.compile("feedback.html.mustache");
    summaryHtml = html.compile("summary.html.mustache");
    feedbackMd = plain.compile("feedback.md.mustache");
    css = resource("style.css.mustache");
  }

  String css() {
    return css;
  }

  String feedbackHtml(Object scope) {
    return render(feedbackHtml, scope);
  }

  String feedbackMd(Object scope) {
    return render(feedbackMd, scope);
  }

  String summaryHtml(Object scope) {
    return render(summaryHtml, scope);
  }

  private static String render(Mustache m, Object scope) {
    StringWriter w = new StringWriter();
    m.execute(w, scope);
    return w.toString();
  }

  private static String resource(String name) {
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
