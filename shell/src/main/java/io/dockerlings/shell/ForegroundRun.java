package io.dockerlings.shell;

import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.simulator.InteractiveSession;
import java.util.Deque;
import java.util.List;

/**
 * Follows a foreground {@code docker run} without {@code -it} (or a {@code docker exec} without
 * {@code -t}) at the REPL's prompt until it ends: its output as it comes, Ctrl-C passed on as the
 * CLI does, and the prompt always given back. For {@code exec} the CLI passes no signal on: Ctrl-C
 * ends it (130) and the program goes on in the container, as on Docker 20.10.
 *
 * <p>As on Docker 20.10: Ctrl-C sends SIGINT to PID 1 and the run returns the container's status
 * when that ends it; with {@code --sig-proxy=false} Ctrl-C ends the CLI (130) and the container
 * goes on. Where PID 1 ignores the signal the engine's CLI would stay attached with no key to get
 * out; here a second Ctrl-C gives the prompt back (130) and leaves the container running, and a
 * note says so. Lines typed meanwhile are read by the REPL afterwards, as a shell reads what was
 * typed ahead.
 */
final class ForegroundRun {
  /** How often the container is looked at, in milliseconds. */
  private static final long POLL_MILLIS = 100;

  private final Console console;
  private final Messages messages;

  ForegroundRun(Console console, Messages messages) {
    this.console = console;
    this.messages = messages;
  }

  /**
   * Follows {@code session} until it closes and returns the run's status.
   *
   * @param argv the docker command, whose {@code --sig-proxy=false} changes what Ctrl-C does
   * @param typed receives the keys that reach the run (Ctrl-C) and how it was left
   * @param shown receives what the container printed meanwhile
   * @param typedAhead receives the complete lines typed meanwhile, for the REPL to read next
   */
  int follow(
      InteractiveSession session,
      List<String> argv,
      List<TerminalInput> typed,
      StringBuilder shown,
      Deque<String> typedAhead) {
    boolean noProxy = argv.contains("--sig-proxy=false");
    StringBuilder ahead = new StringBuilder();
    int interrupts = 0;
    boolean lastEndsLine = true;
    while (session.isOpen()) {
      Console.Input in = console.readWhileRunning(POLL_MILLIS);
      if (in instanceof Console.Interrupt) {
        typed.add(TerminalInput.send(InteractiveSession.CTRL_C));
        interrupts++;
        // The terminal drops what was typed on the unfinished line with the signal.
        dropUnfinished(ahead);
        if (console.live()) {
          // The terminal has echoed ^C on the current line.
          lastEndsLine = false;
        }
        lastEndsLine = show(session.interrupt(), shown, lastEndsLine);
        if (!session.isOpen()) {
          if (noProxy) {
            newLine(lastEndsLine);
            warn(messages.get("foreground.noProxy"));
            lastEndsLine = true;
          } else if (session.leftRunning()) {
            // docker exec passes no signal on: the CLI died of it, the program goes on.
            newLine(lastEndsLine);
            warn(messages.get("foreground.execLeft"));
            lastEndsLine = true;
          }
          break;
        }
        if (interrupts >= 2) {
          typed.add(TerminalInput.detach());
          session.detach();
          newLine(lastEndsLine);
          warn(messages.get("foreground.left"));
          lastEndsLine = true;
          break;
        }
        if (session.interruptIgnored()) {
          newLine(lastEndsLine);
          warn(messages.get("foreground.ignored"));
          lastEndsLine = true;
        }
        continue;
      } else if (in instanceof Console.EndOfInput) {
        // A script's input ended while the container runs: a bounded look, then it is left.
        typed.add(TerminalInput.eof());
        lastEndsLine = show(session.endOfInput(), shown, lastEndsLine);
        if (session.leftRunning()) {
          newLine(lastEndsLine);
          warn(messages.get("foreground.inputEnded"));
          lastEndsLine = true;
        }
        break;
      } else if (in instanceof Console.Keys keys) {
        typeAhead(console, ahead, keys.text());
      }
      // Ctrl-P Ctrl-Q mean nothing here: without -it the CLI does not read the keys.
      lastEndsLine = show(session.poll(), shown, lastEndsLine);
    }
    if (interrupts > 0) {
      // After ^C the prompt starts on a line of its own.
      newLine(lastEndsLine);
    }
    int nl;
    while ((nl = ahead.indexOf("\n")) >= 0) {
      typedAhead.add(ahead.substring(0, nl));
      ahead.delete(0, nl + 1);
    }
    return session.isOpen() ? 0 : session.exitCode();
  }

  /** Shows what the container printed; answers whether the screen now stands at a line's start. */
  private boolean show(String out, StringBuilder shown, boolean lastEndsLine) {
    if (out.isEmpty()) {
      return lastEndsLine;
    }
    shown.append(out);
    console.out(out);
    return out.endsWith("\n");
  }

  private void newLine(boolean lastEndsLine) {
    if (!lastEndsLine) {
      console.out("\n");
    }
  }

  private void warn(String text) {
    console.err(Wrap.wrap(text, console.width()) + "\n");
  }

  private static void dropUnfinished(StringBuilder ahead) {
    int nl = ahead.lastIndexOf("\n");
    ahead.setLength(nl + 1);
  }

  /**
   * Adds keys typed while a program runs (a foreground run here, a container's session in the
   * REPL); a backspace takes back the last key of the line, on the screen too.
   */
  static void typeAhead(Console console, StringBuilder ahead, String keys) {
    for (char c : keys.toCharArray()) {
      if (c != '\b') {
        ahead.append(c);
      } else if (ahead.length() > 0 && ahead.charAt(ahead.length() - 1) != '\n') {
        ahead.setLength(ahead.length() - 1);
        if (console.live()) {
          console.out("\b \b");
        }
      }
    }
  }
}
