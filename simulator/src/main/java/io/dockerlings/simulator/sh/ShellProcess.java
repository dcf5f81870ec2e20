package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.Node;
import io.dockerlings.simulator.sh.Ast.Simple;
import io.dockerlings.simulator.sh.Ast.Word;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process in a simulated container, running busybox-ash-like shell code in simulated time.
 *
 * <p>The interpreter keeps its position as an explicit stack of frames, so a process can stop in
 * the middle of a loop when it sleeps and carry on later from the same place with all its
 * variables: no thread per process. A process that loops without ever sleeping is marked busy (it
 * spins on a CPU forever) instead of hanging the simulator.
 */
public final class ShellProcess {
  /** What a process is doing between two runs. */
  public enum State {
    RUNNABLE,
    SLEEPING,
    WAITING_INPUT,
    BLOCKED,
    BUSY,
    EXITED
  }

  /** Steps a process may take without time passing before it counts as spinning. */
  private static final int SPIN_BUDGET = 200_000;

  /** Output a process may write without time passing before it counts as spinning. */
  private static final int OUTPUT_BUDGET = 1 << 20;

  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Abort(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  static final class ExitRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    ExitRequest(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /** {@code exec cmd}: the command replaces the shell, so nothing after it runs. */
  static final class ExecRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient List<String> words;
    final transient String stdin;

    ExecRequest(List<String> words, String stdin) {
      super(null, null, false, false);
      this.words = List.copyOf(words);
      this.stdin = stdin;
    }
  }

  static final class LoopControl extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean isBreak;
    int levels;

    LoopControl(boolean isBreak, int levels) {
      super(null, null, false, false);
      this.isBreak = isBreak;
      this.levels = levels;
    }
  }

  static final class ReturnRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    ReturnRequest(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /** Where fd 1 or 2 goes. */
  interface Sink {
    void write(String text);

    /** Writes raw bytes (a tar on stdout); a file keeps them as they are. */
    default void writeBytes(byte[] data) {
      write(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  private final ProcessHost host;
  private final Map<String, Applet> applets;
  private final List<String> argv;
  private final boolean pid1;
  private final boolean instantSleep;
  final Map<String, String> vars;
  final java.util.Set<String> exported;

  /** The file-creation mask {@code umask} shows and sets. */
  int umask = 022;

  /** {@code set -e}: a failing command outside a condition ends the shell. */
  /** The options of {@code set} and {@code sh -e}: errexit, nounset, noglob, xtrace... */
  final ShellOptions options = new ShellOptions();

  /** Whether this shell runs the script of {@code sh -c}. */
  boolean commandString;

  /** Whether this shell reads its script from stdin ({@code echo cmd | sh}). */
  boolean readsStdin;

  /** Variables {@code readonly} froze: assigning or unsetting them aborts the script. */
  final java.util.Set<String> readOnly = new java.util.TreeSet<>();

  final Map<String, Node> functions;
  final Map<Integer, String> traps;
  List<String> positional;
  String arg0;
  String cwd;
  int status;
  int pid;
  private final int uid;

  final Frames frames = new Frames(this);
  final Deque<Integer> pendingSignals = new ArrayDeque<>();
  final Deque<Sink[]> sinks = new ArrayDeque<>();
  final StringBuilder pendingInput = new StringBuilder();
  final Expander expander = new Expander(this);
  private final Builtins builtins = new Builtins(this);
  private final Execution execution = new Execution(this);
  final Commands commands = new Commands(this);
  private final SignalDelivery signals = new SignalDelivery(this);
  private State state = State.RUNNABLE;
  private Instant now;
  private Instant wake;
  private Instant exitTime;
  private int exitCode;
  private boolean interactive;
  private long outputSinceSleep;
  private boolean exitTrapRan;
  String stdinText = "";

  ShellProcess(
      ProcessHost host,
      Map<String, Applet> applets,
      List<String> argv,
      Map<String, String> env,
      String cwd,
      int uid,
      Instant start,
      boolean pid1,
      boolean instantSleep) {
    this.host = host;
    this.applets = applets;
    this.argv = List.copyOf(argv);
    this.pid1 = pid1;
    this.instantSleep = instantSleep;
    this.vars = new LinkedHashMap<>(env);
    this.exported = new java.util.HashSet<>(env.keySet());
    this.functions = new HashMap<>();
    this.traps = new HashMap<>();
    this.positional = new ArrayList<>();
    this.arg0 = argv.isEmpty() ? "sh" : argv.get(0);
    this.cwd = cwd.isEmpty() ? "/" : cwd;
    this.uid = uid;
    this.now = start;
    sinks.push(new Sink[] {null, t -> emit(1, t), t -> emit(2, t)});
    terminalOut = sinks.peek()[1];
  }

  /**
   * What a terminal's shell keeps from one line to the next: its variables, which of them are
   * exported or read-only, its functions and the status {@code $?} reports.
   */
  public static final class Carried {
    private final Map<String, String> vars;
    private final java.util.Set<String> exported;
    private final java.util.Set<String> readOnly;
    private final Map<String, Node> functions;
    private final int status;

    private Carried(ShellProcess p) {
      this.vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p.vars));
      this.exported = java.util.Set.copyOf(p.exported);
      this.readOnly = java.util.Set.copyOf(p.readOnly);
      this.functions = Map.copyOf(p.functions);
      this.status = p.exited() ? p.exitCode() : p.status;
    }

    /** The shell variables, exported or not. */
    public Map<String, String> vars() {
      return vars;
    }

    /** The names of the exported variables. */
    public java.util.Set<String> exported() {
      return exported;
    }

    /** The status of the last command, {@code $?}. */
    public int status() {
      return status;
    }
  }

  /** What this shell would hand to the next line of its terminal. */
  public Carried carried() {
    return new Carried(this);
  }

  /** Takes on what the previous line of the same terminal left (before this one runs). */
  public void carry(Carried from) {
    vars.putAll(from.vars);
    exported.addAll(from.exported);
    readOnly.addAll(from.readOnly);
    functions.putAll(from.functions);
    status = from.status;
  }

  /** The sink that is the terminal's screen, inherited by nested shells. */
  private Sink terminalOut;

  /** Whether {@link #terminalOut} is a person's screen (the host's shell in the REPL). */
  private boolean screen;

  /** The host file stdin is redirected from ({@code < file}) for the running command, if any. */
  String stdinPath;

  /** Whether fd 1 of the running command is the terminal, not a pipe or a file. */
  boolean stdoutIsTerminal() {
    return screen && sinks.peek()[1] == terminalOut;
  }

  /**
   * Whether {@link #terminalOut} is a container's terminal ({@code docker run -t}, {@code exec
   * -t}).
   */
  private TtyWindow tty;

  /** Whether fd 1 of the running command is a container's terminal, not a pipe or a file. */
  boolean stdoutIsTty() {
    return tty != null && sinks.peek()[1] == terminalOut;
  }

  /** Marks this process's standard output as a container's terminal ({@code -t}). */
  public void useTty() {
    tty = new TtyWindow();
  }

  /** The window of this process's terminal, if it has one ({@code -t}). */
  public java.util.Optional<TtyWindow> ttyWindow() {
    return java.util.Optional.ofNullable(tty);
  }

  /** The width of the terminal on fd 1 as {@code TIOCGWINSZ} reports it, 0 when unknown or none. */
  int ttyColumns() {
    return stdoutIsTty() ? tty.columns() : 0;
  }

  /** The file that {@code < file} gave the running command as stdin, if any. */
  java.util.Optional<String> stdinPath() {
    return java.util.Optional.ofNullable(stdinPath);
  }

  /**
   * Starts a program as a container process: {@code argv} is executed as an exec'd command would be
   * ({@code ["sh", "-c", "..."]}, {@code ["sleep", "1000"]}, {@code ["ls", "-l"]}).
   *
   * @param pid1 whether it is its namespace's init, which ignores signals it has no handler for
   */
  public static ShellProcess exec(
      ProcessHost host,
      Map<String, Applet> applets,
      List<String> argv,
      Map<String, String> env,
      String cwd,
      int uid,
      Instant start,
      boolean pid1) {
    ShellProcess p = new ShellProcess(host, applets, argv, env, cwd, uid, start, pid1, false);
    p.frames.exec(literalCommand(argv));
    return p;
  }

  /**
   * Why {@code argv0} cannot be executed in {@code fs} as a container's process, in the OCI
   * runtime's words ({@code exec: "x": executable file not found in $PATH}); empty when it can.
   */
  public static Optional<String> execError(
      io.dockerlings.simulator.fs.FileSystem fs,
      Map<String, String> env,
      String cwd,
      String argv0) {
    String path =
        env.getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    if (argv0.contains("/")) {
      String p = Paths.resolve(cwd, argv0);
      if (!fs.exists(p)) {
        return Optional.of(
            "exec: \"" + argv0 + "\": stat " + argv0 + ": no such file or directory");
      }
      var st = fs.stat(p);
      if (st.isDirectory() || (st.mode() & 0111) == 0) {
        return Optional.of("exec: \"" + argv0 + "\": permission denied");
      }
      return Optional.empty();
    }
    for (String dir : path.split(":")) {
      String p = Paths.resolve("/", dir + "/" + argv0);
      if (!dir.isEmpty() && fs.exists(p) && !fs.stat(p).isDirectory()) {
        return Optional.empty();
      }
    }
    return Optional.of("exec: \"" + argv0 + "\": executable file not found in $PATH");
  }

  /** Makes the process a terminal shell: it reads commands fed to it, showing a prompt. */
  public void makeInteractive() {
    interactive = true;
    // ash turns job control on for a terminal shell; $- then reads "smi".
    options.setByName("monitor", true);
  }

  /** Sets what the process reads on stdin when it is not a terminal ({@code docker run -i}). */
  public void setStdin(String text) {
    stdinText = text;
  }

  private static Node literalCommand(List<String> argv) {
    List<Word> words = new ArrayList<>();
    for (String a : argv) {
      words.add(new Word(List.of(new Ast.Lit(a, true))));
    }
    return new Simple(List.of(), words, List.of());
  }

  // ---- the engine's view ------------------------------------------------------------------

  public State state() {
    return state;
  }

  public boolean exited() {
    return state == State.EXITED;
  }

  public int exitCode() {
    return exitCode;
  }

  public Instant exitTime() {
    return exitTime;
  }

  public boolean busy() {
    return state == State.BUSY || cpuThreads > 0 && state == State.SLEEPING;
  }

  /** CPUs this process keeps busy while it spins (stress workers; 1 for a busy loop). */
  public int cpuThreads() {
    return busy() ? Math.max(cpuThreads, 1) : 0;
  }

  /** Memory held beyond the process's own variables (stress --vm workers). */
  long extraMemory;

  int cpuThreads;

  /** Runs {@code script} next, after whatever the process is waiting for now. */
  void pushNext(String script) {
    frames.exec(ShellParser.parse(script));
  }

  public int pid() {
    return pid;
  }

  public void setPid(int newPid) {
    this.pid = newPid;
  }

  public int uid() {
    return uid;
  }

  /** The command line as {@code ps} shows it. */
  public String commandLine() {
    return String.join(" ", argv);
  }

  /** When the process wakes on its own, if it will. */
  public Optional<Instant> nextWake() {
    return state == State.SLEEPING ? Optional.of(wake) : Optional.empty();
  }

  /** Whether the process waits for a terminal line. */
  public boolean waitingForInput() {
    return state == State.WAITING_INPUT;
  }

  /** The prompt an interactive shell shows now ({@code / # }, or {@code > } mid-command). */
  public String prompt() {
    if (pendingInput.length() > 0) {
      return "> ";
    }
    String home = vars.getOrDefault("HOME", "/root");
    String shown =
        cwd.equals(home)
            ? "~"
            : cwd.startsWith(home + "/") ? "~" + cwd.substring(home.length()) : cwd;
    String mark = uid == 0 ? "#" : "$";
    if (arg0.endsWith("bash")) {
      // bash's default prompt on the distribution images: user@host:dir#
      return SystemNames.user(uid) + "@" + host.facts().hostname() + ":" + shown + mark + " ";
    }
    return shown + " " + mark + " ";
  }

  /** Feeds one line typed at the terminal, at time {@code at}. */
  public void feed(String line, Instant at) {
    if (state != State.WAITING_INPUT) {
      return;
    }
    if (at.isAfter(now)) {
      now = at;
    }
    pendingInput.append(line).append('\n');
    Node node;
    try {
      node = ShellParser.parseTyped(pendingInput.toString());
    } catch (Limits.StackExhausted e) {
      fatalSignal = 11;
      finish(139, now);
      return;
    } catch (ShellSyntaxException e) {
      if (e.getMessage().contains("end of file") || e.getMessage().contains("unterminated")) {
        return;
      }
      pendingInput.setLength(0);
      emit(2, "sh: " + e.getMessage() + "\n");
      status = 2;
      return;
    }
    pendingInput.setLength(0);
    frames.exec(node);
    state = State.RUNNABLE;
  }

  /** Ends terminal input (Ctrl-D): the shell exits with its last status. */
  public void endOfInput(Instant at) {
    if (state == State.WAITING_INPUT) {
      finish(status, at.isAfter(now) ? at : now);
    }
  }

  /** Runs until {@code t} or until the process blocks. */
  public void runUntil(Instant t) {
    long steps = 0;
    while (true) {
      switch (state) {
        case EXITED, BUSY, BLOCKED, WAITING_INPUT -> {
          return;
        }
        case SLEEPING -> {
          if (wake.isAfter(t)) {
            return;
          }
          now = wake;
          state = State.RUNNABLE;
          steps = 0;
          outputSinceSleep = 0;
          if (sleepingChild) {
            sleepingChild = false;
            setChild(List.of(), 0);
          }
        }
        case RUNNABLE -> {
          // handled below
        }
      }
      if (!pendingSignals.isEmpty()) {
        int sig = pendingSignals.poll();
        String action = traps.get(sig);
        if (action != null && !action.isEmpty()) {
          runTrap(action);
        } else if (action == null && sig == 2) {
          // ash caught SIGINT without a trap: once its foreground child is done, it ends of it.
          finish(130, now);
          if (state == State.EXITED) {
            return;
          }
        }
        continue;
      }
      if (frames.isEmpty()) {
        if (interactive) {
          state = State.WAITING_INPUT;
          return;
        }
        finish(status, now);
        if (state == State.EXITED) {
          return;
        }
        continue;
      }
      frames.step();
      if (++steps > SPIN_BUDGET || outputSinceSleep > OUTPUT_BUDGET) {
        state = State.BUSY;
        return;
      }
    }
  }

  /** Delivers a signal at time {@code at}, with the kernel's rules for namespace init. */
  public void signal(int sig, Instant at) {
    signals.signal(sig, at);
  }

  /**
   * Whether signal {@code sig} sent now would be dropped: the process is its namespace's init and
   * has no handler for it (an ignoring trap drops it too), so it goes on as if nothing happened.
   */
  public boolean ignores(int sig) {
    return signals.ignores(sig);
  }

  /** Whether this process is its namespace's init, which ignores signals it has no handler for. */
  boolean pid1() {
    return pid1;
  }

  /** Moves this process's clock on to {@code at} when that is later. */
  void advanceTo(Instant at) {
    if (at.isAfter(now)) {
      now = at;
    }
  }

  /** A sleeping process wakes at the present moment. */
  void wakeNow() {
    wake = now;
  }

  void runTrap(String action) {
    Node n;
    try {
      n = ShellParser.parse(action);
    } catch (ShellSyntaxException e) {
      emit(2, "sh: " + e.getMessage() + "\n");
      return;
    }
    int saved = status;
    frames.trap(n, saved);
  }

  void finish(int code, Instant at) {
    if (state == State.EXITED) {
      return;
    }
    String exitTrap = traps.get(0);
    if (exitTrap != null && !exitTrap.isEmpty() && !exitTrapRan && code != 137) {
      exitTrapRan = true;
      frames.clear();
      status = code;
      frames.exitAfter();
      runTrap(exitTrap);
      state = State.RUNNABLE;
      return;
    }
    state = State.EXITED;
    exitCode = code & 0xff;
    exitTime = at;
    frames.clear();
  }

  // ---- used by expansion and builtins -----------------------------------------------------

  ProcessHost host() {
    return host;
  }

  Map<String, Applet> applets() {
    return applets;
  }

  String cwd() {
    return cwd;
  }

  /** The working directory now ({@code cd} changes it), for a host that keeps it between lines. */
  public String workingDirectory() {
    return cwd;
  }

  Instant now() {
    return now;
  }

  List<String> positional() {
    return positional;
  }

  /** A variable or special parameter; null when unset. */
  String lookup(String name) {
    return switch (name) {
      case "?" -> Integer.toString(status);
      case "$" -> Integer.toString(pid);
      case "#" -> Integer.toString(positional.size());
      case "0" -> arg0;
      case "@", "*" -> String.join(" ", positional);
      case "!" -> vars.getOrDefault("!", "");
      case "-" ->
          options.flags(commandString, !commandString && (interactive || readsStdin), interactive);
      case "PWD" -> cwd;
      default -> {
        if (name.matches("[1-9]")) {
          int i = Integer.parseInt(name) - 1;
          yield i < positional.size() ? positional.get(i) : null;
        }
        yield vars.get(name);
      }
    };
  }

  void setVar(String name, String value) {
    vars.put(name, value);
  }

  /** The environment a child program gets: exported variables. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : vars.entrySet()) {
      if (exported.contains(e.getKey())) {
        env.put(e.getKey(), e.getValue());
      }
    }
    return env;
  }

  void emit(int fd, String text) {
    outputSinceSleep += text.length();
    host.write(fd, text, now);
  }

  void write(int fd, String text) {
    if (instantSleep) {
      // A pipeline stage or substitution: a lot of output is a reason to look again, not a spin.
      outputSinceSleep += text.length();
    }
    sinks.peek()[fd].write(text);
  }

  /**
   * Runs a command to its end at once (pipelines, substitutions) and returns its stdout. What it
   * captures is held in this process's memory, so it counts against the container's limit.
   */
  String capture(Node node) {
    StringBuilder out = new StringBuilder();
    long limit = memoryCeiling();
    status =
        runNested(
            node,
            "",
            text -> {
              if (memoryBytes() + out.length() + text.length() > limit) {
                throw new OutOfMemory();
              }
              out.append(text);
            });
    return out.toString();
  }

  boolean outOfMemory;

  /** How many nested evaluations stand between this process and the one the kernel runs. */
  private int nestedDepth;

  /** Bytes of arguments held by the function calls on this process's stack. */
  long stackBytes;

  /** The signal that killed the process from inside the simulated kernel (9 OOM, 11 SIGSEGV). */
  int fatalSignal;

  /** The signal the kernel killed this process with (9 out of memory, 11 stack), or 0. */
  public int fatalSignal() {
    return fatalSignal;
  }

  /** The real data this process may hold: its container's limit, within the simulator's bound. */
  long memoryCeiling() {
    long limit = host.memoryLimit();
    return limit > 0 ? Math.min(limit, Limits.MEMORY_BYTES) : Limits.MEMORY_BYTES;
  }

  /** Throws {@link OutOfMemory} when this process holds more than it may. */
  void checkMemory(long pending) {
    if (memoryBytes() + pending > memoryCeiling()) {
      throw new OutOfMemory();
    }
  }

  /**
   * Whether this process's stdin is the terminal its line was typed at; only the host's shell
   * starts with one, and pipes and input redirections take it away.
   */
  boolean stdinTerminal;

  /** Gives the process the terminal as stdin (the simulated host's shell in the REPL). */
  public void useTerminalStdin() {
    stdinTerminal = true;
    screen = true;
  }

  boolean stdinIsTerminal() {
    return stdinTerminal;
  }

  /** Waiting for memory under a limit whose OOM killer is disabled: deaf to all but SIGKILL. */
  boolean frozen;

  /** Whether the process waits for memory that its container's limit will never give it. */
  public boolean frozen() {
    return frozen;
  }

  /** Thrown when the process grows past its container's memory limit. */
  static final class OutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfMemory() {
      super("out of memory", null, false, false);
    }
  }

  /** What this process holds: a small base for the program plus its variables. */
  public long memoryBytes() {
    long total = BASE_MEMORY + extraMemory + stackBytes;
    for (String v : vars.values()) {
      total += v.length();
    }
    return total;
  }

  /** Resident memory of an idle busybox process, as the engine here reports one (~360 KiB). */
  static final long BASE_MEMORY = 360 * 1024;

  /**
   * Runs a node in a copy of this shell to completion, with sleeps advancing this process's clock:
   * the way pipeline stages and substitutions run here.
   */
  int runNested(Node node, String stdin, Sink stdout) {
    return runNested(node, stdin, stdout, stdinTerminal);
  }

  /** As {@link #runNested(Node, String, Sink)}, the child's stdin being a terminal or not. */
  int runNested(Node node, String stdin, Sink stdout, boolean terminal) {
    if (nestedDepth >= Limits.NESTED_DEPTH) {
      throw new Limits.StackExhausted();
    }
    ShellProcess child = new ShellProcess(host, applets, argv, vars, cwd, uid, now, false, true);
    child.nestedDepth = nestedDepth + 1;
    child.stdinTerminal = terminal;
    child.terminalOut = terminalOut;
    child.screen = screen;
    child.tty = tty;
    child.exported.clear();
    child.exported.addAll(exported);
    child.readOnly.addAll(readOnly);
    child.functions.putAll(functions);
    child.positional = new ArrayList<>(positional);
    child.arg0 = arg0;
    child.pid = pid;
    child.status = status;
    child.stdinText = stdin;
    child.stdinBytes = stdinBytes;
    Sink err = sinks.peek()[2];
    child.sinks.clear();
    child.sinks.push(new Sink[] {null, stdout, err});
    child.frames.exec(node);
    try {
      child.runUntil(now.plus(Duration.ofDays(365)));
      // A stage that stopped only because it wrote a lot goes on: its reader takes it all.
      for (long rounds = Limits.PIPE_BYTES / OUTPUT_BUDGET;
          rounds > 0 && child.state == State.BUSY && child.outputSinceSleep > OUTPUT_BUDGET;
          rounds--) {
        child.outputSinceSleep = 0;
        child.state = State.RUNNABLE;
        child.runUntil(now.plus(Duration.ofDays(365)));
      }
    } catch (Limits.PipeFull e) {
      // The reader will never take more: the writer dies of SIGPIPE.
      return 141;
    }
    if (child.outOfMemory) {
      throw new OutOfMemory();
    }
    if (child.fatalSignal == 11) {
      // The nested evaluation ran in this process: its stack overflow is this process's.
      throw new Limits.StackExhausted();
    }
    if (child.state != State.EXITED) {
      // A stage that never ends (a busy loop, a daemon) is cut off: its output so far counts.
      return 0;
    }
    if (child.exitTime != null && child.exitTime.isAfter(now)) {
      now = child.exitTime;
    }
    return child.exitCode;
  }

  // ---- commands -----------------------------------------------------------------------------

  /** A shell for a background job ({@code cmd &}), started from this one's variables. */
  ShellProcess backgroundChild() {
    return new ShellProcess(host, applets, List.of("sh"), vars, cwd, uid, now, false, false);
  }

  /** The applet this process is running as a child right now, with its pid, for {@code ps}. */
  List<String> child = List.of();

  private int childPid;

  /**
   * The server this process runs, with its listening port, when it is one (nginx on 80, httpd on -p
   * or 80, registry on 5000).
   */
  public Optional<Listener> listener() {
    if (blockingProgram == null || state == State.EXITED) {
      return Optional.empty();
    }
    List<String> words = runningServerArgv != null ? runningServerArgv : argv;
    return Servers.listener(host, words, cwd, flaskScript);
  }

  /** A server process: what it is, the port it listens on, and the directory it serves. */
  public record Listener(String program, int port, String home) {}

  /** The Flask script this process serves ({@code python app.py}), or null. */
  String flaskScript;

  /** The words of the server program this process became, when it is not its own argv. */
  List<String> runningServerArgv;

  /** The child applet running now ({@code ps} sees itself), or an empty list. */
  public List<String> runningChild() {
    return child;
  }

  public int runningChildPid() {
    return childPid;
  }

  /** The argv {@code ps} shows for a background job started from a simple command. */
  List<String> argvOverride;

  /** {@code ps} text for this process. */
  public String psCommand() {
    return argvOverride != null ? String.join(" ", argvOverride) : commandLine();
  }

  /**
   * Whether this process's stdin text came from a pipe that carried raw bytes: one char per byte.
   */
  boolean stdinBytes;

  /** Whether the running command's stdin holds raw bytes, one char each (see {@link BytePipe}). */
  boolean stdinIsBytes() {
    return stdinBytes;
  }

  /** Refuses to change a readonly variable, as ash does: the script ends with status 2. */
  void checkWritable(String name, String context) {
    if (readOnly.contains(name)) {
      throw new Abort(context + name + ": is read only", 2);
    }
  }

  /**
   * A program that runs until a signal ends it (a server, {@code tail -f}, {@code sleep infinity}).
   */
  Programs.Blocking blockingProgram;

  void execute(List<String> words, Map<String, String> extraEnv, String stdin) {
    execution.execute(words, extraEnv, stdin);
  }

  /** Pushes a function call: its body with {@code args} as the positional parameters. */
  void pushFunction(Node body, List<String> args) {
    frames.call(body, args);
  }

  /** Runs {@code node} as the script of this process's own shell, named {@code name}. */
  void pushScript(Node node, String name, List<String> args) {
    frames.script(node, name, args);
  }

  /** {@code local name}: the innermost function call gets its own value of the variable. */
  void declareLocal(String name) {
    frames.declareLocal(name);
  }

  boolean framesEmpty() {
    return frames.isEmpty();
  }

  /** A process started beside this one (a daemonising program), sharing its variables. */
  ShellProcess sibling(List<String> words) {
    return new ShellProcess(host, applets, words, vars, cwd, uid, now, false, false);
  }

  void setState(State newState) {
    state = newState;
  }

  /** Sleeps until {@code now + d}; inside a pipeline stage time simply moves on. */
  void sleepFor(Duration d) {
    if (instantSleep) {
      now = now.plus(d);
      return;
    }
    wake = now.plus(d);
    state = State.SLEEPING;
  }

  boolean interactive() {
    return interactive;
  }

  boolean nested() {
    return instantSleep;
  }

  Builtins builtins() {
    return builtins;
  }

  List<String> argv() {
    return argv;
  }

  Sink stdoutSink() {
    return sinks.peek()[1];
  }

  void setChild(List<String> words, int pidOfChild) {
    child = words;
    childPid = pidOfChild;
  }

  /** Whether the running child is a forked {@code sleep}, gone when this process wakes. */
  boolean sleepingChild;

  /** A foreground {@code sleep} runs as a child process that ps lists until it ends. */
  void sleepInChild(List<String> words, Duration d) {
    if (!instantSleep) {
      setChild(words, host.forkPid());
      sleepingChild = true;
      childStarted = now;
    }
    sleepFor(d);
  }

  private Instant childStarted;

  /** When the forked child began, for the start times ps shows. */
  public Instant childStarted() {
    return childStarted;
  }

  /** Whether the running child shows under its own command line (a forked, exec'd program). */
  public boolean childExecd() {
    return sleepingChild;
  }

  /**
   * Whether busybox ash would exec the simple command it is about to run instead of forking: the
   * last command of {@code sh -c}, with nothing left to run after it, no trap set and not inside a
   * function, loop or pipeline.
   */
  boolean execsLastCommand() {
    if (interactive || instantSleep || !commandString) {
      return false;
    }
    if (traps.values().stream().anyMatch(a -> a != null && !a.isEmpty())) {
      return false;
    }
    return frames.onlyEndLeft();
  }

  /** From now on ps shows {@code words}: the shell exec'd them. */
  void becomes(List<String> words) {
    argvOverride = List.copyOf(words);
  }

  /**
   * Ctrl-C on this process's terminal: SIGINT to the terminal's foreground process group. A
   * terminal shell abandons what it runs or what is typed so far (its foreground child dies of the
   * signal) and goes back to its prompt with {@code $?} 130, printing a newline after a command it
   * cut short, as ash does; a sleeping child of another shell dies and the shell takes the signal
   * by the usual rules (namespace init ignores it without a handler); any other process gets the
   * signal.
   *
   * @return whether the signal stopped something (false when init ignored it)
   */
  public boolean interrupt(Instant at) {
    return signals.interrupt(at);
  }

  /** When {@code stress} started its workers in this process, if it did. */
  Instant stressStarted;

  /**
   * A way back to this process's scheduling state now (run state, times, exit, pending signals and
   * input, its frame stack, status, variables and directory), for a command that fails half-way. A
   * frame that stepped meanwhile keeps its progress: the interpreter's inner state is not copied.
   */
  public Runnable memento() {
    State state0 = state;
    Instant now0 = now;
    Instant wake0 = wake;
    Instant exitTime0 = exitTime;
    int exitCode0 = exitCode;
    boolean exitTrapRan0 = exitTrapRan;
    long outputSinceSleep0 = outputSinceSleep;
    boolean frozen0 = frozen;
    int fatalSignal0 = fatalSignal;
    boolean outOfMemory0 = outOfMemory;
    int status0 = status;
    String cwd0 = cwd;
    String stdinText0 = stdinText;
    String pendingInput0 = pendingInput.toString();
    Runnable frames0 = frames.memento();
    List<Integer> pendingSignals0 = new ArrayList<>(pendingSignals);
    Map<String, String> vars0 = new LinkedHashMap<>(vars);
    return () -> {
      state = state0;
      now = now0;
      wake = wake0;
      exitTime = exitTime0;
      exitCode = exitCode0;
      exitTrapRan = exitTrapRan0;
      outputSinceSleep = outputSinceSleep0;
      frozen = frozen0;
      fatalSignal = fatalSignal0;
      outOfMemory = outOfMemory0;
      status = status0;
      cwd = cwd0;
      stdinText = stdinText0;
      pendingInput.setLength(0);
      pendingInput.append(pendingInput0);
      frames0.run();
      pendingSignals.clear();
      pendingSignals.addAll(pendingSignals0);
      vars.clear();
      vars.putAll(vars0);
    };
  }
}
