package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.Case;
import io.dockerlings.simulator.sh.Ast.CaseArm;
import io.dockerlings.simulator.sh.Ast.Node;
import io.dockerlings.simulator.sh.Ast.Pipeline;
import io.dockerlings.simulator.sh.Ast.Simple;
import io.dockerlings.simulator.sh.Ast.Word;
import io.dockerlings.simulator.sh.ShellProcess.Abort;
import io.dockerlings.simulator.sh.ShellProcess.ExitRequest;
import io.dockerlings.simulator.sh.ShellProcess.Sink;
import io.dockerlings.simulator.sh.ShellProcess.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a process runs the nodes that are not control structures: a simple command (assignments,
 * redirections, {@code set -x}, {@code set -e}), a pipeline, a {@code case} and a background job.
 */
final class Commands {
  private final ShellProcess sh;

  Commands(ShellProcess sh) {
    this.sh = sh;
  }

  void runCase(Case c) {
    String subject = sh.expander.single(c.subject());
    for (CaseArm arm : c.arms()) {
      for (Word p : arm.patterns()) {
        if (subject.matches(Expander.toRegex(sh.expander.single(p)))) {
          sh.frames.exec(arm.body());
          return;
        }
      }
    }
    sh.status = 0;
  }

  void background(Node n) {
    if (sh.host().processCount() >= Limits.PROCESSES) {
      throw new Abort("can't fork: Resource temporarily unavailable", 2);
    }
    ShellProcess child = sh.backgroundChild();
    child.exported.addAll(sh.exported);
    child.functions.putAll(sh.functions);
    child.frames.exec(n);
    if (n instanceof Simple s && !s.words().isEmpty()) {
      child.argvOverride = sh.expander.fields(s.words());
    }
    int childPid = sh.host().adopt(child);
    sh.vars.put("!", Integer.toString(childPid));
    sh.status = 0;
  }

  void runPipeline(Pipeline p) {
    String input = "";
    boolean inputBytes = false;
    int last = 0;
    int failed = 0;
    for (int i = 0; i < p.commands().size(); i++) {
      boolean isLast = i == p.commands().size() - 1;
      BytePipe pipe = new BytePipe();
      Sink sink = isLast ? sh.sinks.peek()[1] : pipe;
      // Only the first stage reads the terminal; the others read the stage before them.
      boolean saved = sh.stdinBytes;
      sh.stdinBytes = inputBytes;
      try {
        last = sh.runNested(p.commands().get(i), input, sink, sh.stdinIsTerminal() && i == 0);
      } finally {
        sh.stdinBytes = saved;
      }
      if (last != 0) {
        failed = last;
      }
      input = pipe.text.toString();
      inputBytes = pipe.bytes;
    }
    if (sh.options.on("pipefail")) {
      // The status of the last stage that failed, or 0 when all succeeded.
      last = failed;
    }
    sh.status = p.negate() ? (last == 0 ? 1 : 0) : last;
    if (!p.negate()) {
      checkErrexit();
    }
  }

  /** {@code set -x}: the expanded command on stderr, quoted where the shell would need it. */
  private void trace(Map<String, String> assigns, List<String> words) {
    if (!sh.options.on("xtrace")) {
      return;
    }
    List<String> shown = new ArrayList<>();
    assigns.forEach((k, v) -> shown.add(k + "=" + traceQuote(v)));
    words.forEach(w -> shown.add(traceQuote(w)));
    sh.emit(2, "+ " + String.join(" ", shown) + "\n");
  }

  private static String traceQuote(String w) {
    if (!w.isEmpty() && w.matches("[A-Za-z0-9%+,./:=@_^-]+")) {
      return w;
    }
    return "'" + w.replace("'", "'\"'\"'") + "'";
  }

  private void checkErrexit() {
    if (!sh.options.on("errexit") || sh.status == 0 || sh.state() != State.RUNNABLE) {
      return;
    }
    if (sh.frames.inCondition()) {
      return;
    }
    throw new ExitRequest(sh.status);
  }

  void runSimple(Simple s) {
    List<String> words = sh.expander.fields(s.words());
    for (Ast.Assign a : s.assigns()) {
      sh.checkWritable(a.name(), "");
    }
    if (words.isEmpty()) {
      Map<String, String> assigned = new LinkedHashMap<>();
      for (Ast.Assign a : s.assigns()) {
        String value = sh.expander.single(a.value());
        if (value.length() > 4096) {
          sh.checkMemory(
              value.length()
                  - Optional.ofNullable(sh.vars.get(a.name())).map(String::length).orElse(0));
        }
        sh.vars.put(a.name(), value);
        assigned.put(a.name(), value);
      }
      if (!assigned.isEmpty()) {
        trace(assigned, List.of());
      }
      if (!s.redirects().isEmpty()) {
        Redirections.open(sh, s.redirects(), sh.sinks.peek());
      }
      sh.status = hadSubstitution(s) ? sh.status : 0;
      checkErrexit();
      return;
    }
    Map<String, String> extraEnv = new LinkedHashMap<>();
    for (Ast.Assign a : s.assigns()) {
      extraEnv.put(a.name(), sh.expander.single(a.value()));
    }
    trace(extraEnv, words);
    Redirections.Opened io;
    try {
      io = Redirections.open(sh, s.redirects(), sh.sinks.peek());
    } catch (Abort a) {
      sh.emit(2, sh.arg0 + ": " + a.getMessage() + "\n");
      sh.status = a.status;
      return;
    }
    Node fn = sh.functions.get(words.get(0));
    if (fn != null) {
      // The body runs in later steps, so the call carries its redirections along.
      sh.frames.call(fn, words.subList(1, words.size()), io.sinks(), io.stdin());
      return;
    }
    String stdin = io.stdin().orElse(sh.stdinText);
    sh.sinks.push(io.sinks());
    boolean terminal = sh.stdinTerminal;
    String path = sh.stdinPath;
    boolean bytes = sh.stdinBytes;
    if (io.stdin().isPresent()) {
      // < file and here-documents replace the terminal for this command.
      sh.stdinTerminal = false;
      sh.stdinPath = io.stdinPath().orElse(null);
      sh.stdinBytes = false;
    }
    try {
      sh.execute(words, extraEnv, stdin);
    } finally {
      sh.sinks.pop();
      sh.stdinTerminal = terminal;
      sh.stdinPath = path;
      sh.stdinBytes = bytes;
    }
    checkErrexit();
    if (io.stdin().isEmpty() && words.get(0).equals("read") && !sh.functions.containsKey("read")) {
      // read takes one line of the shared input, so the next read gets the following one
      int nl = sh.stdinText.indexOf('\n');
      sh.stdinText = nl < 0 ? "" : sh.stdinText.substring(nl + 1);
    }
  }

  private static boolean hadSubstitution(Simple s) {
    return s.assigns().stream()
        .anyMatch(a -> a.value().parts().stream().anyMatch(p -> p instanceof Ast.Sub));
  }
}
