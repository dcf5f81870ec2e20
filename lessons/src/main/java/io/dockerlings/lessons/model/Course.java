package io.dockerlings.lessons.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lessons a learner can take, sorted by module and order, with the problems of the files that
 * did not load (and of prerequisites that name no lesson).
 *
 * @param lessons the lessons that loaded, sorted
 * @param problems what is wrong with the others
 */
public record Course(List<Lesson> lessons, List<Problem> problems) {
  /** Where the built-in course lives on the class path. */
  public static final String RESOURCE_DIR = "lessons";

  public Course {
    lessons =
        lessons.stream()
            .sorted(
                Comparator.comparingInt(Lesson::moduleNumber)
                    .thenComparingInt(Lesson::order)
                    .thenComparing(Lesson::id))
            .toList();
    problems = List.copyOf(problems);
  }

  /** The lesson with that id. */
  public Optional<Lesson> lesson(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The lessons of each module, in module order. */
  public Map<String, List<Lesson>> byModule() {
    Map<String, List<Lesson>> out = new LinkedHashMap<>();
    for (Lesson l : lessons) {
      out.computeIfAbsent(l.module(), k -> new ArrayList<>()).add(l);
    }
    return out;
  }

  /** The lesson after {@code id} in course order, if any. */
  public Optional<Lesson> after(String id) {
    for (int i = 0; i < lessons.size() - 1; i++) {
      if (lessons.get(i).id().equals(id)) {
        return Optional.of(lessons.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** Loads the given files (name and text), checking ids are unique and prerequisites exist. */
  public static Course of(Map<String, String> files) {
    List<Lesson> lessons = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, String> fileOf = new HashMap<>();
    files.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              LessonLoader.Result r = LessonLoader.load(e.getKey(), e.getValue());
              problems.addAll(r.problems());
              r.lesson()
                  .ifPresent(
                      l -> {
                        String before = fileOf.putIfAbsent(l.id(), e.getKey());
                        if (before != null) {
                          problems.add(
                              new Problem(
                                  e.getKey(), 1, "lesson id '" + l.id() + "' is also " + before));
                        } else {
                          lessons.add(l);
                        }
                      });
            });
    for (Lesson l : lessons) {
      for (String req : l.requires()) {
        if (!fileOf.containsKey(req)) {
          problems.add(
              new Problem(fileOf.get(l.id()), 1, "requires '" + req + "', which is no lesson"));
        }
      }
    }
    return new Course(lessons, problems);
  }

  /** Reads every {@code .yaml} file of a directory (not recursive). */
  public static Map<String, String> readDir(Path dir) {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
          files.put(n, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * The built-in course's files, from the class path. They are named by {@code index.txt} beside
   * them: reading a list is far cheaper at launch than opening the jar as a file system to list it.
   */
  public static Map<String, String> builtIn() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : resource(INDEX).lines().map(String::strip).toList()) {
      if (!name.isEmpty() && !name.startsWith("#")) {
        files.put(name, resource(name));
      }
    }
    return files;
  }

  /** The index of the built-in lessons, in {@link #RESOURCE_DIR}. */
  public static final String INDEX = "index.txt";

  private static String resource(String name) {
    String path = RESOURCE_DIR + "/" + name;
    try (InputStream in = Course.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the built-in course has no " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
