package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The image references inside a session's Engine API requests, in engine names ({@link
 * ImageScope}): the image a path names ({@code /images/app/json}, {@code DELETE /images/app}), the
 * tags a build, tag, commit or import makes, what a pull or push reaches, a save's names, a list's
 * {@code reference} filter and a new container's image; and the image list's answer without other
 * sessions' tags.
 */
final class ImageRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OBJECT_ACTIONS = Set.of("json", "history", "push", "tag", "get");

  private final ImageScope images;
  private final Predicate<String> exists;

  /**
   * @param exists whether the engine has an image of this (engine) reference
   */
  ImageRequests(ImageScope images, Predicate<String> exists) {
    this.images = images;
    this.exists = exists;
  }

  /** The request path (with its query), its image references in engine names. */
  String path(String method, String full) {
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    String query = q < 0 ? "" : full.substring(q + 1);
    String version = "";
    java.util.regex.Matcher v =
        java.util.regex.Pattern.compile("^(/v[0-9]+\\.[0-9]+)(/.*)$").matcher(path);
    if (v.matches()) {
      version = v.group(1);
      path = v.group(2);
    }
    if (!path.startsWith("/images/") && !path.equals("/build") && !path.equals("/commit")) {
      return full;
    }
    String rest = path.startsWith("/images/") ? path.substring("/images/".length()) : "";
    int last = rest.lastIndexOf('/');
    String action = last < 0 ? "" : rest.substring(last + 1);
    String object = "";
    if (method.equals("DELETE") && !rest.isEmpty()) {
      object = rest;
    } else if (last > 0 && OBJECT_ACTIONS.contains(action)) {
      object = rest.substring(0, last);
    }
    String queryTag = value(query, "tag");
    String mappedPath = path;
    String pushTag = null;
    if (!object.isEmpty()) {
      String ref = decode(object);
      String mapped;
      if (action.equals("push")) {
        String engine = images.resolve(queryTag.isEmpty() ? ref : ref + ":" + queryTag, exists);
        mapped = queryTag.isEmpty() ? engine : Refs.repository(engine);
        pushTag = queryTag.isEmpty() ? null : Refs.tag(engine);
      } else {
        mapped = images.resolve(ref, exists);
      }
      if (!mapped.equals(ref)) {
        mappedPath =
            "/images/" + EngineApi.escape(mapped) + (method.equals("DELETE") ? "" : "/" + action);
      }
    }
    return version
        + mappedPath
        + (query.isEmpty() ? "" : "?" + query(path, action, query, pushTag));
  }

  private String query(String path, String action, String query, String pushTag) {
    List<String> parts = new ArrayList<>();
    boolean makes =
        path.equals("/commit")
            || action.equals("tag")
            || (path.equals("/images/create") && !value(query, "fromSrc").isEmpty());
    String made = "";
    if (makes && !value(query, "repo").isEmpty()) {
      String tag = value(query, "tag");
      made = images.created(value(query, "repo") + (tag.isEmpty() ? "" : ":" + tag));
    }
    String pulled = "";
    if (path.equals("/images/create") && !value(query, "fromImage").isEmpty()) {
      pulled = images.pulled(value(query, "fromImage"));
    }
    for (String part : query.split("&", -1)) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : decode(part.substring(eq + 1));
      String mapped = value;
      if (path.equals("/build") && key.equals("t") && !value.isEmpty()) {
        mapped = images.created(value);
      } else if (!made.isEmpty() && key.equals("repo")) {
        mapped = value(query, "tag").isEmpty() ? made : Refs.repository(made);
      } else if (!made.isEmpty() && key.equals("tag") && !value.isEmpty()) {
        mapped = Refs.tag(made);
      } else if (!pulled.isEmpty() && key.equals("fromImage")) {
        mapped = pulled;
      } else if (pushTag != null && key.equals("tag")) {
        mapped = pushTag;
      } else if (path.equals("/images/get") && key.equals("names")) {
        mapped = images.resolve(value, exists);
      } else if (path.equals("/images/json") && key.equals("filters")) {
        mapped = referenceFilter(value);
      }
      parts.add(eq < 0 || mapped.equals(value) ? part : key + "=" + EngineApi.escape(mapped));
    }
    return String.join("&", parts);
  }

  /**
   * An image list's {@code reference} filter, a pattern over names (its tag optional), matching the
   * session's tags as well as the engine's shared images: the engine takes several patterns as
   * alternatives, so each is sent as typed and as the session's.
   */
  private String referenceFilter(String json) {
    try {
      if (JSON.readTree(json) instanceof ObjectNode filters && filters.get("reference") != null) {
        JsonNode refs = filters.get("reference");
        if (refs instanceof ArrayNode list) {
          ArrayNode mapped = JsonNodeFactory.instance.arrayNode();
          list.forEach(n -> patterns(n.asText()).forEach(mapped::add));
          filters.set("reference", mapped);
        } else if (refs instanceof ObjectNode set) {
          ObjectNode mapped = JsonNodeFactory.instance.objectNode();
          set.properties()
              .forEach(e -> patterns(e.getKey()).forEach(p -> mapped.set(p, e.getValue())));
          filters.set("reference", mapped);
        }
        return filters.toString();
      }
    } catch (IOException e) {
      // not JSON: the engine refuses it as it would
    }
    return json;
  }

  private List<String> patterns(String pattern) {
    String own = images.created(pattern);
    return own.equals(pattern) ? List.of(pattern) : List.of(pattern, own);
  }

  /** A new container's image (the create body's {@code Image}) in engine names. */
  void createBody(ObjectNode doc) {
    JsonNode image = doc.get("Image");
    if (image != null && image.isTextual() && !image.asText().isEmpty()) {
      doc.put("Image", images.resolve(image.asText(), exists));
    }
  }

  /**
   * The image list ({@code GET /images/json}) without other sessions' tags; an image that had only
   * such tags is left out.
   */
  String imageList(String json) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException e) {
      return json;
    }
    if (!(doc instanceof ArrayNode list)) {
      return json;
    }
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    for (JsonNode image : list) {
      if (image instanceof ObjectNode o && o.get("RepoTags") instanceof ArrayNode tags) {
        ArrayNode own = JsonNodeFactory.instance.arrayNode();
        tags.forEach(
            t -> {
              if (!images.othersTag(t.asText())) {
                own.add(t);
              }
            });
        if (own.isEmpty() && !tags.isEmpty()) {
          continue;
        }
        o.set("RepoTags", own);
        if (o.get("RepoDigests") instanceof ArrayNode digests) {
          ArrayNode ownDigests = JsonNodeFactory.instance.arrayNode();
          digests.forEach(
              d -> {
                if (!images.othersTag(d.asText())) {
                  ownDigests.add(d);
                }
              });
          o.set("RepoDigests", ownDigests);
        }
      }
      kept.add(image);
    }
    return kept.toString();
  }

  private static String value(String query, String key) {
    for (String part : query.split("&")) {
      if (part.startsWith(key + "=")) {
        return decode(part.substring(key.length() + 1));
      }
    }
    return "";
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
