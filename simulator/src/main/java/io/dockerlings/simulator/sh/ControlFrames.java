package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.AndOr;
import io.dockerlings.simulator.sh.Ast.Background;
import io.dockerlings.simulator.sh.Ast.Case;
import io.dockerlings.simulator.sh.Ast.For;
import io.dockerlings.simulator.sh.Ast.FuncDef;
import io.dockerlings.simulator.sh.Ast.Group;
import io.dockerlings.simulator.sh.Ast.If;
import io.dockerlings.simulator.sh.Ast.Loop;
import io.dockerlings.simulator.sh.Ast.Node;
import io.dockerlings.simulator.sh.Ast.Pipeline;
import io.dockerlings.simulator.sh.Ast.Seq;
import io.dockerlings.simulator.sh.Ast.Simple;
import io.dockerlings.simulator.sh.ShellProcess.Sink;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of frame on a process's stack, one per control structure (a node to run, a sequence,
 * and-or, if, while/until, for, a group or subshell, a function call, a trap's end): each step
 * either pushes the next part or pops itself.
 */
final class ControlFrames {
  private final ShellProcess sh;
  private final Deque<Frames.Frame> stack;

  ControlFrames(ShellProcess sh, Deque<Frames.Frame> stack) {
    this.sh = sh;
    this.stack = stack;
  }

  final class ExecFrame extends Frames.Frame {
    private final Node node;

    ExecFrame(Node node) {
      this.node = node;
    }

    @Override
    void step() {
      stack.pop();
      if (node instanceof Simple s) {
        sh.commands.runSimple(s);
      } else if (node instanceof Seq s) {
        stack.push(new SeqFrame(s.commands()));
      } else if (node instanceof AndOr a) {
        stack.push(new AndOrFrame(a));
      } else if (node instanceof Pipeline p) {
        sh.commands.runPipeline(p);
      } else if (node instanceof Background b) {
        sh.commands.background(b.command());
      } else if (node instanceof If i) {
        stack.push(new IfFrame(i));
      } else if (node instanceof Loop l) {
        stack.push(new LoopFrame(l));
      } else if (node instanceof For f) {
        List<String> items =
            f.items().map(sh.expander::fields).orElse(new ArrayList<>(sh.positional));
        stack.push(new ForFrame(f, items));
      } else if (node instanceof Case c) {
        sh.commands.runCase(c);
      } else if (node instanceof Group g) {
        stack.push(new GroupFrame(g));
      } else if (node instanceof FuncDef d) {
        sh.functions.put(d.name(), d.body());
        sh.status = 0;
      }
    }
  }

  final class SeqFrame extends Frames.Frame {
    private final List<Node> items;
    private int next;

    SeqFrame(List<Node> items) {
      this.items = items;
    }

    boolean exhausted() {
      return next >= items.size();
    }

    @Override
    void step() {
      if (next >= items.size()) {
        stack.pop();
        return;
      }
      stack.push(new ExecFrame(items.get(next++)));
    }
  }

  final class AndOrFrame extends Frames.Frame {
    private final AndOr node;
    int phase;

    AndOrFrame(AndOr node) {
      this.node = node;
    }

    @Override
    void step() {
      if (phase == 0) {
        phase = 1;
        stack.push(new ExecFrame(node.left()));
        return;
      }
      stack.pop();
      if ((sh.status == 0) == node.and()) {
        stack.push(new ExecFrame(node.right()));
      }
    }
  }

  final class IfFrame extends Frames.Frame {
    private final If node;
    int phase;

    IfFrame(If node) {
      this.node = node;
    }

    @Override
    void step() {
      if (phase == 0) {
        phase = 1;
        stack.push(new ExecFrame(node.condition()));
        return;
      }
      stack.pop();
      if (sh.status == 0) {
        stack.push(new ExecFrame(node.then()));
      } else if (node.otherwise().isPresent()) {
        stack.push(new ExecFrame(node.otherwise().get()));
      } else {
        sh.status = 0;
      }
    }
  }

  final class LoopFrame extends Frames.Frame {
    private final Loop node;
    int phase;
    private int lastBodyStatus;

    LoopFrame(Loop node) {
      this.node = node;
    }

    @Override
    void step() {
      switch (phase) {
        case 0 -> {
          phase = 1;
          stack.push(new ExecFrame(node.condition()));
        }
        case 1 -> {
          boolean go = (sh.status == 0) != node.until();
          if (!go) {
            stack.pop();
            sh.status = lastBodyStatus;
            return;
          }
          phase = 2;
          stack.push(new ExecFrame(node.body()));
        }
        default -> {
          lastBodyStatus = sh.status;
          phase = 0;
        }
      }
    }
  }

  final class ForFrame extends Frames.Frame {
    private final For node;
    private final List<String> items;
    private int next;

    ForFrame(For node, List<String> items) {
      this.node = node;
      this.items = items;
    }

    @Override
    void step() {
      if (next >= items.size()) {
        stack.pop();
        return;
      }
      sh.vars.put(node.name(), items.get(next++));
      stack.push(new ExecFrame(node.body()));
    }
  }

  final class GroupFrame extends Frames.Frame {
    final Group node;
    boolean started;
    Map<String, String> savedVars;
    String savedCwd;
    String savedStdin;

    GroupFrame(Group node) {
      this.node = node;
    }

    @Override
    void step() {
      if (!started) {
        started = true;
        if (node.subshell()) {
          savedVars = new LinkedHashMap<>(sh.vars);
          savedCwd = sh.cwd;
        }
        Redirections.Opened io = Redirections.open(sh, node.redirects(), sh.sinks.peek());
        sh.sinks.push(io.sinks());
        savedStdin = sh.stdinText;
        sh.stdinText = io.stdin().orElse(sh.stdinText);
        stack.push(new ExecFrame(node.body()));
        return;
      }
      stack.pop();
      sh.sinks.pop();
      sh.stdinText = savedStdin;
      if (node.subshell()) {
        sh.vars.clear();
        sh.vars.putAll(savedVars);
        sh.cwd = savedCwd;
      }
    }
  }

  final class FunctionFrame extends Frames.Frame {
    final List<String> savedPositional;

    /** Values that {@code local} hid, restored on return (null: the variable was unset). */
    final Map<String, String> savedLocals = new LinkedHashMap<>();

    void restoreLocals() {
      savedLocals.forEach(
          (k, v) -> {
            if (v == null) {
              sh.vars.remove(k);
            } else {
              sh.vars.put(k, v);
            }
          });
    }

    private boolean started;
    private final Node body;

    /** The call's own output streams, or null to use the caller's. */
    private final Sink[] io;

    /** The call's own stdin ({@code f <file}, {@code f <<EOF}), if redirected. */
    private final Optional<String> stdin;

    private String savedStdin;

    FunctionFrame(Node body, List<String> args) {
      this(body, args, null, Optional.empty());
    }

    FunctionFrame(Node body, List<String> args, Sink[] io, Optional<String> stdin) {
      this.body = body;
      this.io = io;
      this.stdin = stdin;
      if (stack.size() >= Limits.CALL_DEPTH) {
        throw new Limits.StackExhausted();
      }
      long bytes = 0;
      for (String a : args) {
        bytes += a.length() + 8;
      }
      sh.checkMemory(bytes);
      this.argBytes = bytes;
      sh.stackBytes += bytes;
      this.savedPositional = sh.positional;
      sh.positional = new ArrayList<>(args);
    }

    /** What this call's arguments hold on the stack. */
    final long argBytes;

    @Override
    void step() {
      if (!started) {
        started = true;
        if (io != null) {
          sh.sinks.push(io);
        }
        if (stdin.isPresent()) {
          savedStdin = sh.stdinText;
          sh.stdinText = stdin.get();
        }
        stack.push(new ExecFrame(body));
        return;
      }
      stack.pop();
      if (io != null) {
        sh.sinks.pop();
      }
      if (stdin.isPresent()) {
        sh.stdinText = savedStdin;
      }
      sh.positional = savedPositional;
      sh.stackBytes -= argBytes;
      restoreLocals();
    }
  }

  final class RestoreStatusFrame extends Frames.Frame {
    private final int saved;

    RestoreStatusFrame(int saved) {
      this.saved = saved;
    }

    @Override
    void step() {
      stack.pop();
      sh.status = saved;
    }
  }

  final class ExitAfterFrame extends Frames.Frame {
    @Override
    void step() {
      stack.pop();
      sh.finish(sh.status, sh.now());
    }
  }
}
