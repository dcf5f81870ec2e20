package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.Layer;
import io.dockerlings.simulator.fs.UnionFs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellProcessTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A container of one busybox image, collecting output with its times. */
  private static final class Box implements ProcessHost, ContainerFacts {
    final UnionFs fs;
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    final List<Instant> times = new ArrayList<>();
    final List<ShellProcess> adopted = new ArrayList<>();

    Box() {
      Layer.Builder b =
          Layer.builder(T0)
              .syntheticFile("/bin/busybox", 100, 0755)
              .syntheticFile("/big", 40_000_000, 0644)
              .dir("/tmp", 0755)
              .dir("/root", 0755);
      for (String a :
          List.of(
              "sh",
              "echo",
              "ls",
              "cat",
              "sleep",
              "tr",
              "wc",
              "head",
              "httpd",
              "nc",
              "top",
              "nosuchapplet")) {
        b.symlink("/bin/" + a, "busybox");
      }
      b.file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
      fs = new UnionFs(List.of(b.build()), Clock.fixed(T0, ZoneOffset.UTC));
    }

    ShellProcess run(boolean pid1, String... argv) {
      ShellProcess p =
          ShellProcess.exec(
              this, FileApplets.all(), List.of(argv), Map.of("PATH", "/bin"), "/", 0, T0, pid1);
      p.setPid(pid1 ? 1 : 7);
      return p;
    }

    @Override
    public FileSystem fs() {
      return fs;
    }

    @Override
    public ContainerFacts facts() {
      return this;
    }

    @Override
    public void write(int fd, String text, Instant at) {
      (fd == 2 ? err : out).append(text);
      times.add(at);
    }

    @Override
    public int adopt(ShellProcess child) {
      adopted.add(child);
      return 20 + adopted.size();
    }

    long limit;
    boolean oom;
    boolean oomKillDisabled;
    boolean underOom;

    @Override
    public boolean oomKillDisabled() {
      return oomKillDisabled;
    }

    @Override
    public void underOom(Instant at) {
      underOom = true;
    }

    @Override
    public long memoryLimit() {
      return limit;
    }

    @Override
    public void outOfMemory(Instant at) {
      oom = true;
    }

    @Override
    public int forkPid() {
      return 99;
    }

    @Override
    public boolean kill(int pid, int signal, Instant at) {
      return false;
    }

    @Override
    public List<Integer> children() {
      return List.of();
    }

    @Override
    public String hostname() {
      return "abc";
    }

    @Override
    public int uid() {
      return 0;
    }

    @Override
    public int gid() {
      return 0;
    }

    @Override
    public String kernelRelease() {
      return "5.15.0";
    }

    @Override
    public List<ProcessRow> processes() {
      return List.of(new ProcessRow(1, "root", "sh"));
    }

    @Override
    public List<String> mounts() {
      return List.of();
    }

    @Override
    public List<NetInterface> interfaces() {
      return List.of();
    }

    @Override
    public Optional<String> resolveHost(String name) {
      return Optional.empty();
    }

    @Override
    public HttpReply httpGet(String host, int port, String path) {
      return new HttpReply("", 0, "", "bad address '" + host + "'");
    }

    @Override
    public boolean reachable(String ip) {
      return false;
    }

    @Override
    public int cpus() {
      return 2;
    }

    @Override
    public long memoryBytes() {
      return 1L << 30;
    }
  }

  @Test
  void loopWithSleep_suspendsAndResumesInSimulatedTime() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "while true; do echo hello; sleep 1; done");
    p.runUntil(T0.plusMillis(3500));
    assertEquals("hello\n".repeat(4), box.out.toString());
    assertEquals(ShellProcess.State.SLEEPING, p.state());
    assertEquals(Optional.of(T0.plusSeconds(4)), p.nextWake());
    p.runUntil(T0.plusSeconds(5));
    assertEquals("hello\n".repeat(6), box.out.toString());
    assertEquals(T0.plusSeconds(5), box.times.get(5));
  }

  @Test
  void pid1WithoutTrap_ignoresTerm_butDiesOfKill() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sleep", "1000");
    p.runUntil(T0);
    p.signal(15, T0.plusSeconds(1));
    p.runUntil(T0.plusSeconds(10));
    assertFalse(p.exited());
    p.signal(9, T0.plusSeconds(11));
    assertTrue(p.exited());
    assertEquals(137, p.exitCode());
  }

  @Test
  void stop_httpdAsPid1_ignoresTermAndEndsWith137() {
    Box box = new Box();
    ShellProcess p = box.run(true, "httpd", "-f", "-p", "80");
    p.runUntil(T0);
    p.signal(15, T0.plusSeconds(1));
    p.runUntil(T0.plusSeconds(10));
    assertFalse(p.exited());
    p.signal(9, T0.plusSeconds(11));
    assertEquals(137, p.exitCode());
  }

  @Test
  void stop_ncListeningAsPid1_ignoresTerm() {
    Box box = new Box();
    ShellProcess p = box.run(true, "nc", "-lp", "80");
    p.runUntil(T0);
    p.signal(15, T0.plusSeconds(1));
    p.runUntil(T0.plusSeconds(10));
    assertFalse(p.exited());
  }

  @Test
  void stop_topAsPid1_diesOfTermWith143() {
    Box box = new Box();
    ShellProcess p = box.run(true, "top");
    p.runUntil(T0);
    p.signal(15, T0.plusSeconds(1));
    assertTrue(p.exited());
    assertEquals(143, p.exitCode());
  }

  @Test
  void nc_withoutListen_isNotSimulated() {
    Box box = new Box();
    ShellProcess p = box.run(true, "nc", "example.com", "80");
    p.runUntil(T0);
    assertEquals(127, p.exitCode());
  }

  @Test
  void shC_lastCommand_isExecdSoPsShowsIt() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "echo hi; x=1; sleep 2000 $x");
    p.runUntil(T0.plusSeconds(1));
    assertEquals("sleep 2000 1", p.psCommand());
    assertTrue(p.runningChild().isEmpty());
  }

  @Test
  void shC_sleepBeforeMoreCommands_runsAsAChild() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "sleep 2000; echo done");
    p.runUntil(T0.plusSeconds(1));
    assertEquals("sh -c sleep 2000; echo done", p.psCommand());
    assertEquals(List.of("sleep", "2000"), p.runningChild());
    assertTrue(p.childExecd());
    p.runUntil(T0.plusSeconds(2001));
    assertEquals("done\n", box.out.toString());
  }

  @Test
  void shC_withTrap_keepsTheShell() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "trap 'echo x' TERM; sleep 2000");
    p.runUntil(T0.plusSeconds(1));
    assertEquals("sh -c trap 'echo x' TERM; sleep 2000", p.psCommand());
  }

  @Test
  void shC_explicitExec_replacesTheCommandLine() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "exec sleep 2000; echo never");
    p.runUntil(T0.plusSeconds(1));
    assertEquals("sleep 2000", p.psCommand());
  }

  @Test
  void setOErrexit_endsTheScriptAtTheFirstFailure() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "set -o errexit; echo one; cat /nope; echo two");
    p.runUntil(T0.plusSeconds(1));
    assertEquals(1, p.exitCode());
    assertEquals("one\n", box.out.toString());
  }

  @Test
  void shEc_setsErrexitBeforeTheScript() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-ec", "cat /nope; echo two");
    p.runUntil(T0.plusSeconds(1));
    assertEquals(1, p.exitCode());
    assertEquals("", box.out.toString());
  }

  @Test
  void notPid1_diesOfTerm() {
    Box box = new Box();
    ShellProcess p = box.run(false, "sleep", "1000");
    p.runUntil(T0);
    p.signal(15, T0.plusSeconds(1));
    assertEquals(143, p.exitCode());
  }

  @Test
  void trap_runsAfterTheCurrentSleep() {
    Box box = new Box();
    ShellProcess p =
        box.run(true, "sh", "-c", "trap 'echo bye; exit 0' TERM; while :; do sleep 1; done");
    p.runUntil(T0.plusMillis(500));
    p.signal(15, T0.plusMillis(500));
    p.runUntil(T0.plusSeconds(5));
    assertTrue(p.exited());
    assertEquals(0, p.exitCode());
    assertEquals(T0.plusSeconds(1), p.exitTime());
    assertEquals("bye\n", box.out.toString());
  }

  @Test
  void busyLoop_isMarkedBusyInsteadOfHanging() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "while :; do :; done");
    p.runUntil(T0.plusSeconds(1));
    assertTrue(p.busy());
    assertTrue(p.nextWake().isEmpty());
  }

  @Test
  void missingCommand_is127_directoryIs126() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "nosuch; echo $?; /tmp; echo $?");
    p.runUntil(T0);
    assertEquals("127\n126\n", box.out.toString());
    assertEquals("sh: nosuch: not found\nsh: /tmp: Permission denied\n", box.err.toString());
  }

  @Test
  void unsimulatedApplet_saysSo() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "nosuchapplet");
    p.runUntil(T0);
    assertEquals(127, p.exitCode());
    assertTrue(box.err.toString().contains("not simulated"));
  }

  @Test
  void pipelinesRedirectsAndExpansions_work() {
    Box box = new Box();
    ShellProcess p =
        box.run(
            true,
            "sh",
            "-c",
            "x=3; echo a b c | tr a-z A-Z > /tmp/f; cat /tmp/f; echo $((x*2)) ${y:-d} \"$(echo sub)\"");
    p.runUntil(T0);
    assertEquals("A B C\n6 d sub\n", box.out.toString());
    assertEquals(0, p.exitCode());
  }

  private static String output(String script) {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", script);
    p.runUntil(T0.plusSeconds(10));
    return box.err + box.out.toString() + "exit=" + p.exitCode();
  }

  @Test
  void hereDocument_expandsUnlessTheDelimiterIsQuoted() {
    assertEquals(
        "hi 3 sub $x \\ \\\"\nexit=0",
        output("x=3; cat <<EOF\nhi $x $(echo sub) \\$x \\\\ \\\"\nEOF"));
    assertEquals("$x `y`\nexit=0", output("x=3; cat <<'EOF'\n$x `y`\nEOF"));
    assertEquals("a\nb\n  c\nexit=0", output("cat <<-E\n\ta\n\t\tb\n  c\n\tE"));
  }

  @Test
  void hereDocument_feedsLoopsAndFunctions() {
    assertEquals(
        "got 1\ngot 2\nfn x\nexit=0",
        output(
            "while read l; do echo \"got $l\"; done <<E\n1\n2\nE\nf() { cat; }; f <<E\nfn x\nE"));
  }

  @Test
  void functionCall_keepsItsRedirections() {
    assertEquals(
        "in\nexit=0", output("f() { cat; }; echo in > /tmp/i; f < /tmp/i > /tmp/o; cat /tmp/o"));
  }

  @Test
  void interactiveShell_waitsForTheHereDocumentsEnd() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh");
    p.makeInteractive();
    p.runUntil(T0);
    p.feed("cat <<EOF", T0);
    assertEquals("> ", p.prompt());
    p.feed("typed", T0);
    p.runUntil(T0);
    assertEquals("", box.out.toString());
    p.feed("EOF", T0);
    p.runUntil(T0);
    assertEquals("typed\n", box.out.toString());
  }

  @Test
  void elif_choosesTheFirstTrueBranch() {
    assertEquals(
        "b\nexit=0", output("if false; then echo a; elif true; then echo b; else echo c; fi"));
    assertEquals(
        "c\nexit=0", output("if false; then echo a; elif false; then echo b; else echo c; fi"));
  }

  @Test
  void exitInSubshell_endsOnlyTheSubshell() {
    // busybox: (exit 4); echo $?; (echo a; exit 5); echo $? -> 4, a, 5, exit 0
    assertEquals(
        "4\na\n5\n[]\nexit=0",
        output("(exit 4); echo $?; (echo a; x=1; exit 5); echo $?; echo \"[$x]\""));
  }

  @Test
  void prefixAssignment_reachesChildShellOnly() {
    // busybox: x=1 sh -c 'echo $x'; echo "[$x]" -> 1, []
    assertEquals("1\n[]\nexit=0", output("x=1 sh -c 'echo $x'; echo \"[$x]\""));
  }

  @Test
  void typeAndCommandV_nameAppletsBare_andMissingIs127() {
    // busybox: type echo ls nosuch -> builtin, "ls is ls", "nosuch: not found", exit 127
    assertEquals(
        "echo is a shell builtin\nls is ls\nnosuch: not found\nexit=127",
        output("type echo ls nosuch"));
    assertEquals("ls\nexit=127", output("command -v ls; command -v nosuch"));
  }

  @Test
  void killL_translatesBetweenNumbersAndNames() {
    assertEquals("KILL\n15\nexit=0", output("kill -l 9 TERM"));
  }

  @Test
  void divisionByZero_isWordedLikeBusybox() {
    assertEquals("sh: divide by zero\nexit=2", output("echo $((1/0))"));
  }

  @Test
  void whileRead_consumesOneLinePerRead_fromPipeAndRedirect() {
    // busybox prints b-a, "d e-c", then "got hi" and end
    assertEquals(
        "b-a\nd e-c\ngot hi\nend\nexit=0",
        output(
            "printf 'a b\\nc  d e\\n' | while read x y; do echo \"$y-$x\"; done;"
                + " echo hi > /tmp/f; while read l; do echo got $l; done < /tmp/f; echo end"));
  }

  @Test
  void prefixAndSuffixTrimming_andPower_matchBusybox() {
    // busybox: v=hello; echo ${v#he} ${v%lo} ${v##*l} ${v%%l*} $((2**3)) -> llo hel o he 8
    assertEquals(
        "llo hel o he 8 hello 5\nexit=0",
        output("v=hello; echo ${v#he} ${v%lo} ${v##*l} ${v%%l*} $((2**3)) ${v#x} ${#v}"));
  }

  @Test
  void readWithEmptyIfs_keepsBlanks_cdDashPrintsTheDirectory() {
    assertEquals(
        "[  lead]\n1[]\n/tmp\nexit=0",
        output(
            "printf '  lead\\n' | { IFS= read -r l; echo \"[$l]\"; read m; echo \"$?[$m]\"; };"
                + " cd /tmp; cd /; cd -"));
  }

  @Test
  void printfBadNumber_failsWithBusyboxMessage() {
    assertEquals("sh: invalid number 'abc'\n0\nexit=1", output("printf '%d\\n' abc"));
  }

  @Test
  void testErrors_nameTheOffendingWord_withStatus2() {
    // busybox: "sh: -lt: argument expected", "sh: a: bad number", "sh: missing ]"
    assertEquals("sh: -lt: argument expected\nexit=2", output("[ 1 -lt ]"));
    assertEquals("sh: a: bad number\nexit=2", output("[ 1 -eq a ]"));
    assertEquals("sh: missing ]\nexit=2", output("[ 1 = 1"));
    assertEquals("sh: b: unknown operand\nexit=2", output("test a b c"));
  }

  @Test
  void readonly_assignmentAbortsTheShell_orOnlyTheSubshell() {
    assertEquals("sh: r: is read only\nexit=2", output("readonly r=1; r=2; echo $r"));
    assertEquals(
        "sh: r: is read only\nin\nsub=2\nexit=0",
        output("readonly r=1; (echo in; r=3); echo \"sub=$?\""));
    assertEquals(
        "sh: unset: line 0: r: is read only\nreadonly q\nreadonly r='1'\nexit=2",
        output("readonly r=1 q; readonly; unset r; echo no"));
  }

  @Test
  void exec_replacesTheShell_nothingAfterItRuns() {
    assertEquals("replaced\nexit=0", output("exec echo replaced; echo not"));
    Box box = new Box();
    ShellProcess p = box.run(true, "sh", "-c", "echo a; exec sleep 100; echo b");
    p.runUntil(T0.plusSeconds(50));
    assertEquals(ShellProcess.State.SLEEPING, p.state());
    p.runUntil(T0.plusSeconds(101));
    assertTrue(p.exited());
    assertEquals("a\n", box.out.toString());
  }

  @Test
  void local_isRestoredWhenTheFunctionReturns() {
    // busybox: f() { local v=in; echo $v; }; v=out; f; echo $v -> in, out
    assertEquals(
        "in\nout\n[]\nexit=0",
        output("f() { local v=in w; w=1; echo $v; }; v=out; f; echo $v; echo \"[$w]\""));
  }

  @Test
  void setE_endsOnAFailureOutsideConditions() {
    // busybox prints ok, then ls's complaint, and exits 1 without "no"
    assertEquals(
        "ls: /nosuch: No such file or directory\nok\nexit=1",
        output(
            "set -e; if false; then :; fi; false || true; ! true; while false; do :; done;"
                + " echo ok; ls /nosuch; echo no"));
    assertEquals("exit=1", output("set -e; x=$(false); echo sub"));
  }

  @Test
  void tilde_expandsToHomeOrThePasswdEntry_onlyUnquotedAtTheStart() {
    Box box = new Box();
    ShellProcess p =
        ShellProcess.exec(
            box,
            FileApplets.all(),
            List.of("sh", "-c", "echo ~ ~/x \"~\" a~ ~root ~nobody"),
            Map.of("PATH", "/bin", "HOME", "/home/me"),
            "/",
            0,
            T0,
            true);
    p.runUntil(T0);
    assertEquals("/home/me /home/me/x ~ a~ /root ~nobody\n", box.out.toString());
  }

  @Test
  void umaskIsKept_andWaitForAStrangerIs127() {
    assertEquals(
        "sh: umask: line 0: illegal mode: 9\n0022\n0077\n2\n127\nexit=0",
        output("umask; umask 077; umask; umask 9; echo $?; wait 999; echo $?"));
  }

  @Test
  void arithmeticAssignment_setsTheVariable() {
    // busybox prints: 1 5 5 7 7 14 1
    assertEquals(
        "1 5 5 7 7 14 1\nexit=0",
        output("echo $(( 5 > 3 )) $(( x = 4 + 1 )) $x $((x += 2)) $x $((x*=2)) $((x == 14))"));
  }

  @Test
  void redirectToAnUnopenedDescriptor_failsTheCommandOnly() {
    assertEquals(
        "sh: 3: Bad file descriptor\n1\nexit=0", output("echo a >&3; echo $?; cd /; [ ! -e 3 ]"));
  }

  @Test
  void breakOutsideLoop_isIgnored() {
    assertEquals("after\nexit=0", output("break; echo after"));
  }

  @Test
  void interactiveShell_readsLinesAndShowsPrompt() {
    Box box = new Box();
    ShellProcess p = box.run(true, "sh");
    p.makeInteractive();
    p.runUntil(T0);
    assertTrue(p.waitingForInput());
    assertEquals("/ # ", p.prompt());
    p.feed("cd /tmp", T0);
    p.runUntil(T0);
    assertEquals("/tmp # ", p.prompt());
    p.feed("while true; do", T0);
    assertEquals("> ", p.prompt());
    p.feed("exit 3; done", T0);
    p.runUntil(T0);
    assertEquals(3, p.exitCode());
  }

  @Test
  void capturingMoreThanTheMemoryLimit_callsTheOomKiller() {
    Box box = new Box();
    box.limit = 10L << 20;
    ShellProcess p = box.run(true, "sh", "-c", "x=$(cat /big); echo done");
    p.runUntil(T0);
    assertTrue(box.oom, box.err + "|" + box.out.length() + "|" + p.state());
    assertEquals(137, p.exitCode());
    assertEquals("", box.out.toString());
  }

  @Test
  void capturingPastTheLimit_withOomKillerDisabled_waitsForMemoryUntilSigkill() {
    Box box = new Box();
    box.limit = 10L << 20;
    box.oomKillDisabled = true;
    ShellProcess p = box.run(true, "sh", "-c", "trap 'echo term' TERM; x=$(cat /big); echo done");
    p.runUntil(T0.plusSeconds(3600));
    assertTrue(box.underOom);
    assertFalse(box.oom);
    assertTrue(p.frozen());
    assertEquals(ShellProcess.State.BLOCKED, p.state());
    p.signal(15, T0.plusSeconds(10));
    p.runUntil(T0.plusSeconds(20));
    assertEquals(ShellProcess.State.BLOCKED, p.state());
    assertEquals("", box.out.toString());
    p.signal(9, T0.plusSeconds(30));
    assertEquals(137, p.exitCode());
  }

  @Test
  void execError_wordsTheRuntimeMessage() {
    Box box = new Box();
    assertEquals(
        Optional.of("exec: \"nosuch\": executable file not found in $PATH"),
        ShellProcess.execError(box.fs, Map.of("PATH", "/bin"), "/", "nosuch"));
    assertEquals(
        Optional.of("exec: \"/tmp\": permission denied"),
        ShellProcess.execError(box.fs, Map.of("PATH", "/bin"), "/", "/tmp"));
    assertEquals(
        Optional.empty(), ShellProcess.execError(box.fs, Map.of("PATH", "/bin"), "/", "echo"));
  }
}
