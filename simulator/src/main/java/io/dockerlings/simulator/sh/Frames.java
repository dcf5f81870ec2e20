package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.Node;
import io.dockerlings.simulator.sh.ControlFrames.AndOrFrame;
import io.dockerlings.simulator.sh.ControlFrames.ForFrame;
import io.dockerlings.simulator.sh.ControlFrames.FunctionFrame;
import io.dockerlings.simulator.sh.ControlFrames.GroupFrame;
import io.dockerlings.simulator.sh.ControlFrames.IfFrame;
import io.dockerlings.simulator.sh.ControlFrames.LoopFrame;
import io.dockerlings.simulator.sh.ControlFrames.SeqFrame;
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
  private final ControlFrames kinds;

  /** The frames that wrap the script of this shell itself, which end with it. */
  private List<Frame> scriptFrames = List.of();

  Frames(ShellProcess sh) {
    this.sh = sh;
    this.kinds = new ControlFrames(sh, stack);
  }

  /** One control structure being run: each step either pushes a child or finishes. */
  abstract static class Frame {
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
    stack.push(kinds.new ExecFrame(node));
  }

  /** Runs a trap's commands next, then gives {@code $?} back the value {@code saved}. */
  void trap(Node node, int saved) {
    stack.push(kinds.new RestoreStatusFrame(saved));
    stack.push(kinds.new ExecFrame(node));
  }

  /** Ends the shell with its status once what is on the stack now (the EXIT trap) has run. */
  void exitAfter() {
    stack.push(kinds.new ExitAfterFrame());
  }

  /** A function call: its body with {@code args} as the positional parameters. */
  void call(Node body, List<String> args) {
    stack.push(kinds.new FunctionFrame(body, args));
  }

  /** A function call with its own redirected output streams and stdin. */
  void call(Node body, List<String> args, Sink[] io, Optional<String> stdin) {
    stack.push(kinds.new FunctionFrame(body, args, io, stdin));
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
    Frame body = kinds.new FunctionFrame(node, args);
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
}
