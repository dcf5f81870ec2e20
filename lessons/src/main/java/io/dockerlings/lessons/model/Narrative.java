package io.dockerlings.lessons.model;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import io.dockerlings.simulator.EngineSnapshot.ImageState;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a step's text as a Mustache template over the state: {@code {{container.web.ip}}}, {@code
 * {{container.web.id}}}, {@code {{image.myapp:v1.layers}}}, {@code {{host.cpus}}}. Unknown names
 * render empty; nothing is HTML-escaped. Only tags naming {@code container.}, {@code image.} or
 * {@code host.} are the narrative's: any other {@code {{...}}}, such as a Go template in {@code
 * docker inspect -f '{{.State.Pid}}'}, is printed as written.
 */
public final class Narrative {
  private final DefaultMustacheFactory factory =
      new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(value);
          } catch (java.io.IOException e) {
            throw new MustacheException(e);
          }
        }
      };

  /** A narrative tag: a name under container, image or host, nothing else. */
  private static final Pattern OURS =
      Pattern.compile("\\{\\{\\s*(?:container|image|host)\\.[^{}\\s]+\\s*}}");

  /** Stand-ins for the braces of tags that are not ours, which Mustache leaves alone. */
  private static final String OPEN = "\u0000<", CLOSE = ">\u0000";

  /** Renders {@code text} in {@code lang} over {@code state}; a text without tags is as is. */
  public String render(Text text, Lang lang, State state) {
    String template = text.in(lang);
    if (!template.contains("{{")) {
      return template;
    }
    try {
      Mustache m = factory.compile(new StringReader(shield(template)), "step");
      StringWriter out = new StringWriter();
      m.execute(out, scope(state));
      return out.toString().replace(OPEN, "{{").replace(CLOSE, "}}");
    } catch (MustacheException e) {
      return template;
    }
  }

  /** The template with every brace pair that is not a narrative tag replaced by stand-ins. */
  static String shield(String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = OURS.matcher(template);
    int at = 0;
    while (m.find()) {
      out.append(hide(template.substring(at, m.start()))).append(m.group());
      at = m.end();
    }
    return out.append(hide(template.substring(at))).toString();
  }

  private static String hide(String plain) {
    return plain.replace("{{", OPEN).replace("}}", CLOSE);
  }

  static Map<String, Object> scope(State state) {
    Map<String, Object> containers = new HashMap<>();
    for (ContainerState c : state.snapshot().containers()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", c.shortId());
      m.put("name", c.name());
      m.put("image", c.image());
      m.put("state", c.status());
      m.put("exit-code", c.exitCode());
      m.put("ip", c.networks().values().stream().filter(a -> !a.isEmpty()).findFirst().orElse(""));
      containers.put(c.name(), m);
    }
    Map<String, Object> images = new HashMap<>();
    for (ImageState i : state.snapshot().images()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", i.id().replaceFirst("^sha256:", "").substring(0, Math.min(12, i.id().length())));
      m.put("layers", i.layers());
      m.put("size", i.size());
      images.put(i.reference(), m);
      if (i.reference().endsWith(":latest")) {
        images.put(i.reference().substring(0, i.reference().length() - 7), m);
      }
    }
    Map<String, Object> host = new HashMap<>();
    state
        .host()
        .ifPresent(
            h -> {
              host.put("cpus", h.cpus());
              host.put("memory", io.dockerlings.lessons.goal.Sizes.human(h.memoryBytes()));
              host.put("kernel", h.kernelRelease());
              host.put("os", h.operatingSystem());
            });
    Map<String, Object> scope = new HashMap<>();
    scope.put("container", containers);
    scope.put("image", images);
    scope.put("host", host);
    return scope;
  }
}
