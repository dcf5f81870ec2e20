package io.dockerlings.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradebook in three shapes: a CSV with one column per check, the same as JSON, and the CSVs
 * that Canvas's and Moodle's gradebook imports read.
 */
final class Gradebook {
  private final Exercise exercise;

  Gradebook(Exercise exercise) {
    this.exercise = exercise;
  }

  /**
   * {@code file,learner,score,max,flag,overridden,<check>...,disagreements,notes}, one row per
   * submission. {@code disagreements} lists, with the real engine, each check the simulator scored
   * otherwise: {@code <check> engine <points> simulator <points>}, separated by {@code ;}.
   */
  String csv(List<Grade> grades) {
    StringBuilder b = new StringBuilder();
    List<String> head =
        new ArrayList<>(List.of("file", "learner", "score", "max", "flag", "overridden"));
    for (Check c : exercise.checks()) {
      head.add(c.id());
    }
    head.add("disagreements");
    head.add("notes");
    b.append(Csv.line(head));
    for (Grade g : grades) {
      List<String> row = new ArrayList<>();
      row.add(g.file());
      row.add(g.learner());
      row.add(Integer.toString(g.score()));
      row.add(Integer.toString(g.max()));
      row.add(g.flag().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).orElse(""));
      row.add(String.join(" ", g.overrides().stream().map(GradeOverride::check).toList()));
      for (CheckResult r : g.checks()) {
        row.add(Integer.toString(r.earned()));
      }
      row.add(
          String.join(
              "; ",
              g.disagreements().stream()
                  .map(d -> d.check() + " engine " + d.engine() + " simulator " + d.simulator())
                  .toList()));
      List<String> notes = new ArrayList<>();
      if (g.flag().isPresent()) {
        notes.add(g.flagReason().en());
      }
      g.notes().forEach(n -> notes.add(n.en()));
      row.add(String.join("; ", notes));
      b.append(Csv.line(row));
    }
    return b.toString();
  }

  /** Every grade with its checks, overrides and notes in both languages. */
  String json(List<Grade> grades) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("exercise", exercise.id());
    root.put("exerciseSha256", exercise.checksum());
    root.put("maxPoints", exercise.maxPoints());
    ArrayNode list = root.putArray("grades");
    for (Grade g : grades) {
      ObjectNode n = list.addObject();
      n.put("file", g.file());
      n.put("learner", g.learner());
      n.put("score", g.score());
      n.put("max", g.max());
      n.put("flag", g.flag().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
      if (g.flag().isPresent()) {
        n.putObject("flagReason").put("en", g.flagReason().en()).put("zh", g.flagReason().zh());
      }
      ArrayNode checks = n.putArray("checks");
      for (CheckResult r : g.checks()) {
        ObjectNode c = checks.addObject();
        c.put("id", r.check().id());
        c.put("task", r.task());
        c.put("visible", r.check().visible());
        c.put("points", r.check().points());
        c.put("earned", r.earned());
        if (!r.passed()) {
          c.putObject("explanation")
              .put("en", r.explanation().en())
              .put("zh", r.explanation().zh());
        }
        g.overrideOf(r.check().id()).ifPresent(o -> c.put("overrideComment", o.comment()));
      }
      ArrayNode notes = n.putArray("notes");
      g.notes().forEach(x -> notes.addObject().put("en", x.en()).put("zh", x.zh()));
      n.put("commands", g.commands().size());
      n.put("divergences", g.divergences());
      n.put("backend", g.backend());
      ArrayNode ds = n.putArray("disagreements");
      for (Disagreement d : g.disagreements()) {
        ObjectNode x = ds.addObject();
        x.put("check", d.check());
        x.put("simulator", d.simulator());
        x.put("engine", d.engine());
        x.putObject("simulatorWhy")
            .put("en", d.simulatorWhy().en())
            .put("zh", d.simulatorWhy().zh());
        x.putObject("engineWhy").put("en", d.engineWhy().en()).put("zh", d.engineWhy().zh());
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /**
   * Canvas's gradebook import: {@code Student,ID,SIS User ID,SIS Login ID,Section} then one column
   * per assignment, named as the assignment; a {@code Points Possible} row gives the maximum.
   */
  String canvas(List<Grade> grades) {
    String column = exercise.title().en() + " (" + exercise.id() + ")";
    StringBuilder b = new StringBuilder();
    b.append(Csv.line(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", column)));
    b.append(
        Csv.line(
            List.of(
                "    Points Possible", "", "", "", "", Integer.toString(exercise.maxPoints()))));
    for (Grade g : grades) {
      b.append(
          Csv.line(List.of(g.learner(), "", "", g.learner(), "", Integer.toString(g.score()))));
    }
    return b.toString();
  }

  /**
   * Moodle's grade import (CSV, mapped "username" to the user and the exercise column to the grade
   * item, feedback to its feedback).
   */
  String moodle(List<Grade> grades) {
    StringBuilder b = new StringBuilder();
    b.append(Csv.line(List.of("username", exercise.id(), "feedback")));
    for (Grade g : grades) {
      String feedback =
          g.flag().isPresent()
              ? g.flagReason().en()
              : g.score()
                  + "/"
                  + g.max()
                  + (g.overrides().isEmpty() ? "" : " (instructor override)");
      b.append(Csv.line(List.of(g.learner(), Integer.toString(g.score()), feedback)));
    }
    return b.toString();
  }
}
