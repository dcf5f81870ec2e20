package io.dockerlings.grading;

/**
 * The instructor's word on one check of one learner.
 *
 * @param learner the learner's id (or the submission's file name)
 * @param check the check's id
 * @param points the points given instead of the check's result
 * @param comment why, shown on the learner's feedback
 */
public record GradeOverride(String learner, String check, int points, String comment) {}
