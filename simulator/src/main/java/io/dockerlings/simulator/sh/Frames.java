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
import io.dockerlings.simulator.sh.ShellProcess.Abort;
import io.dockerlings.simulator.sh.ShellProcess.ExecRequest;
import io.dockerlings.simulator.sh.ShellProcess.ExitRequest;
import io.dockerlings.simulator.sh.ShellProcess.LoopControl;
import io.dockerlings.simulator.sh.ShellProcess.OutOfMemory;
import io.dockerlings.simulator.sh.ShellProcess.ReturnRequest;
import io.dockerlings.simulator.sh.ShellProcess.Sink;
import io.dockerlings.simulator.sh.ShellProcess.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process's position in its script as an explicit stack of frames, one per control structure
 * being run (sequence, and-or, if, loops, groups, function calls), so that it can stop at a sleep
 * and carry on later from the same place.
 */
final class Frames {
  private final ShellProcess sh;
  private final Deque<Frame> stack = new ArrayDeque<>();

  /** The frames that wrap the script of this shell itself, which end with it. */
  private List<Frame> scriptFrames = List.of();

  Frames(ShellProcess sh) {
    this.sh = sh;
  }

  /** One control structure being run: each step either pushes a child or finishes. */
  abstract class Frame {
    abstract void step();
  }

  boolean isEmpty() {
    return stack.isEmpty();
  }

  int size() {
    return stack.size();
  }

  void clear() {
    stack.clear();
  }

  /** Runs {@code node} next. */
  void exec(Node node) {
    stack.push(new ExecFrame(node));
  }

  /** Runs a trap's commands next, then gives {@code $?} back the value {@code saved}. */
  void trap(Node node, int saved) {
    stack.push(new RestoreStatusFrame(saved));
    stack.push(new ExecFrame(node));
  }

  /** Ends the shell with its status once what is on the stack now (the EXIT trap) has run. */
  void exitAfter() {
    stack.push(new ExitAfterFrame());
  }

  /** A function call: its body with {@code args} as the positional parameters. */
  void call(Node body, List<String> args) {
    stack.push(new FunctionFrame(body, args));
  }

  /** A function call with its own redirected output streams and stdin. */
  void call(Node body, List<String> args, Sink[] io, Optional<String> stdin) {
    stack.push(new FunctionFrame(body, args, io, stdin));
  }

  /** Runs {@code node} as the script of this process's own shell, named {@code name}. */
  void script(Node node, String name, List<String> args) {
    String savedArg0 = sh.arg0;
    sh.arg0 = name;
    Frame end =
        new Frame() {
          @Override
          void step() {
            stack.pop();
            sh.arg0 = savedArg0;
          }
        };
    stack.push(end);
    FunctionFrame body = new FunctionFrame(node, args);
    stack.push(body);
    scriptFrames = List.of(end, body);
  }

  /** A way back to the stack as it is now (the frames' own progress is not copied). */
  Runnable memento() {
    List<Frame> saved = new ArrayList<>(stack);
    return () -> {
      stack.clear();
      stack.addAll(saved);
    };
  }

  /** Drops every frame, undoing what each set up (a subshell's variables, redirections). */
  void unwindAll() {
    while (!stack.isEmpty()) {
      popFrame();
    }
  }

  /** Whether a failing command now is part of a condition, which {@code set -e} lets pass. */
  boolean inCondition() {
    for (Frame f : stack) {
      // if/while/until conditions and the left of && || may fail without ending the shell
      if (f instanceof IfFrame i && i.phase == 1
          || f instanceof LoopFrame l && l.phase == 1
          || f instanceof AndOrFrame a && a.phase == 1) {
        return true;
      }
    }
    return false;
  }

  /** Whether nothing is left to run after the command running now but the end of the script. */
  boolean onlyEndLeft() {
    for (Frame f : stack) {
      boolean done =
          (f instanceof SeqFrame q && q.exhausted())
              || f instanceof GroupFrame
              || scriptFrames.contains(f);
      if (!done) {
        return false;
      }
    }
    return true;
  }

  /** {@code local name}: the innermost function call gets its own value of the variable. */
  void declareLocal(String name) {
    for (Frame f : stack) {
      if (f instanceof FunctionFrame fn) {
        fn.savedLocals.putIfAbsent(name, sh.vars.get(name));
        return;
      }
    }
  }

  /** Takes one step of the innermost frame, handling what the shell code threw. */
  void step() {
    Frame f = stack.peek();
    try {
      f.step();
    } catch (Abort a) {
      if (a.getMessage() != null) {
        sh.emit(2, sh.arg0 + ": " + a.getMessage() + "\n");
      }
      sh.status = a.status;
      if (!sh.interactive()) {
        exitShell(a.status);
      } else {
        stack.clear();
      }
    } catch (ExitRequest e) {
      exitShell(e.code);
    } catch (ExecRequest e) {
      while (!stack.isEmpty()) {
        popFrame();
      }
      if (!e.words.isEmpty() && !sh.builtins().has(e.words.get(0))) {
        // The program replaces the shell: ps reads the new command line from the same pid.
        sh.argvOverride = e.words;
      }
      sh.execute(e.words, Map.of(), e.stdin);
    } catch (Limits.StackExhausted e) {
      // ash's C stack overflowed: the kernel ends the process with SIGSEGV.
      sh.fatalSignal = 11;
      stack.clear();
      sh.finish(139, sh.now());
    } catch (OutOfMemory e) {
      sh.fatalSignal = 9;
      if (sh.nested()) {
        // A nested stage: the shell that holds the captured output is the one killed.
        sh.finish(137, sh.now());
        sh.outOfMemory = true;
      } else if (sh.host().oomKillDisabled()) {
        // Without the OOM killer the allocation never returns: the process waits for memory
        // that nothing frees, and only SIGKILL ends it.
        stack.clear();
        sh.frozen = true;
        sh.setState(State.BLOCKED);
        sh.host().underOom(sh.now());
      } else {
        sh.finish(137, sh.now());
        sh.host().outOfMemory(sh.now());
      }
    } catch (LoopControl c) {
      // ash ignores break/continue outside any loop
      if (stack.stream().anyMatch(x -> x instanceof LoopFrame || x instanceof ForFrame)) {
        unwindLoop(c);
      } else {
        sh.status = 0;
      }
    } catch (ReturnRequest r) {
      sh.status = r.code;
      while (!stack.isEmpty() && !(stack.peek() instanceof FunctionFrame)) {
        popFrame();
      }
      if (!stack.isEmpty()) {
        stack.peek().step();
      }
    }
  }

  private void unwindLoop(LoopControl c) {
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f instanceof LoopFrame || f instanceof ForFrame) {
        if (--c.levels > 0 || c.isBreak) {
          stack.pop();
          if (c.levels > 0) {
            continue;
          }
          return;
        }
        if (f instanceof LoopFrame l) {
          l.phase = 0;
        }
        return;
      }
      popFrame();
    }
  }

  /** Ends the innermost ( ... ) subshell with the status, or the whole shell outside one. */
  private void exitShell(int code) {
    while (!stack.isEmpty()
        && !(stack.peek() instanceof GroupFrame g && g.node.subshell() && g.started)) {
      popFrame();
    }
    if (stack.isEmpty()) {
      sh.finish(code, sh.now());
    } else {
      sh.status = code;
      stack.peek().step();
    }
  }

  /** Drops a frame without finishing it normally, undoing what it set up. */
  private void popFrame() {
    Frame f = stack.pop();
    if (f instanceof GroupFrame g && g.started) {
      sh.sinks.pop();
      sh.stdinText = g.savedStdin;
      if (g.node.subshell()) {
        sh.vars.clear();
        sh.vars.putAll(g.savedVars);
        sh.cwd = g.savedCwd;
      }
    } else if (f instanceof FunctionFrame fn) {
      sh.positional = fn.savedPositional;
      sh.stackBytes -= fn.argBytes;
      fn.restoreLocals();
    }
  }

  private final class ExecFrame extends Frame {
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

  private final class SeqFrame extends Frame {
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

  private final class AndOrFrame extends Frame {
    private final AndOr node;
    private int phase;

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

  private final class IfFrame extends Frame {
    private final If node;
    private int phase;

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

  private final class LoopFrame extends Frame {
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

  private final class ForFrame extends Frame {
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

  private final class GroupFrame extends Frame {
    private final Group node;
    private boolean started;
    private Map<String, String> savedVars;
    private String savedCwd;
    private String savedStdin;

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

  private final class FunctionFrame extends Frame {
    private final List<String> savedPositional;

    /** Values that {@code local} hid, restored on return (null: the variable was unset). */
    private final Map<String, String> savedLocals = new LinkedHashMap<>();

    private void restoreLocals() {
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
    private final long argBytes;

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

  private final class RestoreStatusFrame extends Frame {
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

  private final class ExitAfterFrame extends Frame {
    @Override
    void step() {
      stack.pop();
      sh.finish(sh.status, sh.now());
    }
  }
}
