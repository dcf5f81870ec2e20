package io.dockerlings.real;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that type each command into a real session and the simulator: skips the class
 * when no engine answers, opens a fresh {@link Twin} per test and, after it, checks that the
 * session left nothing on the engine.
 */
@Tag("real-engine")
abstract class TwinTest {
  /** The session's state directory; a test that reopens the session passes it again. */
  @TempDir Path state;

  /** The session of the running test; a test may close and reopen it. */
  Twin twin;

  @BeforeAll
  static void engineAnswers() {
    Twin.assumeEngine();
  }

  @BeforeEach
  void openTwin() throws Exception {
    twin = Twin.open(state);
  }

  @AfterEach
  void closeTwin() throws Exception {
    twin.close();
  }
}
