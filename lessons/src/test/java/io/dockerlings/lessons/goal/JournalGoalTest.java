package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;

import io.dockerlings.lessons.state.Sandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalGoalTest {
  @Test
  void usedAndNever_readOnlyTheLearnersCommands() {
    Sandbox s = new Sandbox();
    fails(s, "used: 'docker run'");
    passes(s, "never: '--privileged'");
    s.run("docker run --privileged --name priv busybox sh -c 'exit 3'");
    passes(s, "used: 'docker run'");
    fails(s, "never: '--privileged'");
  }

  @Test
  void used_ignoresCommandsThatFailed() {
    Sandbox s = new Sandbox();
    s.run("docker run --name x nosuchimage");
    fails(s, "used: 'docker run'");
  }

  @Test
  void means_isWhatTheLearnerReads_insteadOfTheExpression() {
    Sandbox s = new Sandbox();
    String goal =
        "used: {regex: 'docker (container )?run .*uname +-[a-z]*[ra]', means: {en: 'a docker run"
            + " that prints the kernel release', zh: '打印内核版本的 docker run'}}";
    s.run("docker run --name kern busybox uname");
    Verdict v = fails(s, goal);
    org.junit.jupiter.api.Assertions.assertEquals(
        "you have not run a docker run that prints the kernel release yet", v.reason().en());
    org.junit.jupiter.api.Assertions.assertEquals("你还没有运行打印内核版本的 docker run", v.reason().zh());
    s.run("docker run --name kern2 busybox uname -r");
    passes(s, goal);
    Verdict never = fails(s, "never: {regex: 'uname -r', means: {en: 'uname -r', zh: 'uname -r'}}");
    org.junit.jupiter.api.Assertions.assertTrue(
        never.reason().en().contains("which this step rules out (uname -r)"), never.reason().en());
  }

  @Test
  void aMapWithoutRegex_orWithUnknownKeys_orOneLanguage_isRefusedWithWhere() {
    for (String bad :
        List.of(
            "used: {means: {en: a, zh: b}}",
            "used: {regex: 'x', says: {en: a, zh: b}}",
            "used: {regex: 'x', means: {en: a}}")) {
      org.junit.jupiter.api.Assertions.assertThrows(
          GoalException.class, () -> GoalParser.parse(Sandbox.yaml(bad)), bad);
    }
  }
}
