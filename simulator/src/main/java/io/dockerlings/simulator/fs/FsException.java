package io.dockerlings.simulator.fs;

/**
 * A failed filesystem operation, carrying the errno-style reason that tools print (e.g. {@code "No
 * such file or directory"}).
 */
public final class FsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The POSIX reasons the simulated tools report. */
  public enum Reason {
    NOT_FOUND("No such file or directory"),
    EXISTS("File exists"),
    NOT_A_DIRECTORY("Not a directory"),
    IS_A_DIRECTORY("Is a directory"),
    NOT_EMPTY("Directory not empty"),
    PERMISSION_DENIED("Permission denied"),
    READ_ONLY("Read-only file system"),
    INVALID("Invalid argument"),
    NO_SPACE("No space left on device"),
    TOO_LARGE("File too large"),
    TOO_MANY_LINKS("Too many levels of symbolic links");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /** The text {@code strerror} gives, as busybox tools print it. */
    public String text() {
      return text;
    }
  }

  private final Reason reason;
  private final String path;

  public FsException(Reason reason, String path) {
    super(path + ": " + reason.text(), null, false, false);
    this.reason = reason;
    this.path = path;
  }

  public Reason reason() {
    return reason;
  }

  public String path() {
    return path;
  }
}
