package io.dockerlings.exercises.submission;

import io.dockerlings.lessons.text.Text;

/** What reading a submission file gave: a submission to grade, or a flag with its reason. */
public sealed interface Reading {
  /** The learner's id as far as it is known (else the file name). */
  String learner();

  /** An intact submission for the expected exercise. */
  record Accepted(Submission submission) implements Reading {
    @Override
    public String learner() {
      return submission.learner();
    }
  }

  /**
   * A file that is graded zero.
   *
   * @param learner the learner's id if the header could be read, else the file's name
   * @param flag the kind of problem
   * @param reason the details (which line, which field), in both languages
   */
  record Rejected(String learner, Flag flag, Text reason) implements Reading {}
}
