package io.dockerlings.grading;

import io.dockerlings.exercises.model.Exercise;
import java.util.List;

/** The page that links the summaries when one command grades several exercises. */
final class ClassIndex {
  private ClassIndex() {}

  static String html(List<Exercise> exercises, Labels t) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(t.lang().tag())
        .append("\">\n<head><meta charset=\"utf-8\"><title>")
        .append(Xml.escape(t.get("summary")))
        .append(
            "</title></head>\n<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto\">\n<h1>")
        .append(Xml.escape(t.get("summary")))
        .append("</h1>\n<ul>\n");
    for (Exercise e : exercises) {
      b.append("<li><a href=\"")
          .append(Xml.escape(e.id()))
          .append("/summary.html\">")
          .append(Xml.escape(e.title().in(t.lang())))
          .append("</a> <code>")
          .append(Xml.escape(e.id()))
          .append("</code></li>\n");
    }
    return b.append("</ul>\n</body></html>\n").toString();
  }
}
