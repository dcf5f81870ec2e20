package io.dockerlings.grading;

import io.dockerlings.lessons.text.Text;

/**
 * A check that the real engine and the simulator judged differently for the same submission.
 *
 * @param check the check's id
 * @param visible whether the learner may see the check
 * @param simulator the points the simulator's replay earned
 * @param engine the points the real engine's replay earned (the ones the grade counts)
 * @param simulatorWhy the simulator's reason when it did not give full points, else empty
 * @param engineWhy the engine's reason when it did not give full points, else empty
 */
public record Disagreement(
    String check, boolean visible, int simulator, int engine, Text simulatorWhy, Text engineWhy) {}
