package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.errors.ErrorCatalogue;
import io.dockerlings.lessons.text.Lang;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feedback page's list of the errors a learner met, with the catalogue's explanations. */
class FeedbackPageTest {
  private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.load();
  private final Exercise web = GradingFixtures.web();

  private Grade grade(List<String> lines) {
    String text = GradingFixtures.submission(web, "kim", lines);
    return new Grader(web, Overrides.none())
        .grade("kim.jsonl", text.getBytes(StandardCharsets.UTF_8));
  }

  private FeedbackPage page(Lang lang) {
    return new FeedbackPage(web, new Labels(lang), new Templates(), CATALOGUE);
  }

  private static final List<String> MISTAKES =
      List.of(
          "docker run -d --rm --restart always --name web busybox httpd -f -p 80",
          "docker stop wbe",
          "docker run -d --name web -p 8080:80 busybox httpd -f -p 80",
          "docker rm web",
          "docker stop wbe");

  @Test
  void html_failedCommands_listTheirErrorsWithExplanations_once_each() {
    String html = page(Lang.EN).html(grade(MISTAKES));
    assertTrue(html.contains("Errors you met, explained"), html);
    assertTrue(html.contains("Conflicting options: --restart and --rm."), html);
    assertTrue(html.contains("docker cannot do both"), html);
    assertTrue(html.contains("There is no container called wbe."), html);
    assertTrue(html.contains("commands 2, 5"), html);
    assertTrue(
        html.contains("is still running, and docker rm only removes stopped containers"), html);
    assertTrue(html.contains("<code>m2-lifecycle</code>"), html);
    assertEquals(
        1, html.split("There is no container called wbe", -1).length - 1, "listed once: " + html);
  }

  @Test
  void markdownAndChinese_carryTheSameErrorsInTheReportsLanguage() {
    Grade g = grade(MISTAKES);
    String md = page(Lang.ZH).markdown(g);
    assertTrue(md.contains("## 你遇到的错误及其说明"), md);
    assertTrue(md.contains("没有名为 wbe 的容器。"), md);
    assertTrue(md.contains("第 2、5 条命令"), md);
    assertTrue(md.contains("**怎么办：**"), md);
    String html = page(Lang.ZH).html(g);
    assertTrue(html.contains("两者互相矛盾"), html);
  }

  @Test
  void submissionWithoutErrors_showsNoErrorSection() {
    Grade g = grade(web.solution());
    assertTrue(g.commands().stream().noneMatch(CommandOutcome::failed));
    String html = page(Lang.EN).html(g);
    String md = page(Lang.EN).markdown(g);
    assertTrue(!html.contains("Errors you met"), html);
    assertTrue(!html.contains("class=\"err\""), html);
    assertTrue(!md.contains("Errors you met"), md);
  }

  @Test
  void failedCommandTheCatalogueDoesNotKnow_isMarkedButNotExplained() {
    Grade g = grade(List.of("docker run --name web busybox false"));
    assertTrue(g.commands().get(0).failed());
    String html = page(Lang.EN).html(g);
    assertTrue(html.contains("mark failed"), html);
    assertTrue(!html.contains("Errors you met"), html);
  }

  @Test
  void errorPrintedByACommandThatSucceeded_isListed_butContainerOutputIsNot() {
    Grade g =
        grade(
            List.of(
                "docker rm -f wbe",
                "docker run --name echo busybox echo 'app log: Bind for 0.0.0.0:80 failed: port is"
                    + " already allocated'"));
    String html = page(Lang.EN).html(g);
    assertTrue(html.contains("There is no container called wbe."), html);
    assertTrue(!html.contains("port is already allocated</code>"), html);
  }
}
