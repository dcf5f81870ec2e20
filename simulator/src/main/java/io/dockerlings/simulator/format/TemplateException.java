package io.dockerlings.simulator.format;

/**
 * A Go text/template error, with Go's message text (e.g. {@code template: :1: unclosed action}) and
 * whether it arose while parsing or executing; callers add docker's prefix for their command.
 *
 * <p>Docker 20.10 prints, for {@code inspect -f}: {@code template parsing error: MESSAGE} (exit 64
 * when parsing, 1 when executing); for {@code ps --format}: {@code failed to parse template:} or
 * {@code failed to execute template:} (exit 1); for {@code images --format}: {@code template
 * parsing error:} (exit 1). An execution error keeps the output written before it, which docker
 * uses when rendering table headers (it ignores header errors).
 */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean parsing;
  private final String partialOutput;

  TemplateException(String message, boolean parsing, String partialOutput) {
    super(message, null, false, false);
    this.parsing = parsing;
    this.partialOutput = partialOutput;
  }

  /** True when the template text is malformed; false when executing it failed. */
  public boolean isParseError() {
    return parsing;
  }

  /** What the template had written before an execution error ("" for parse errors). */
  public String partialOutput() {
    return partialOutput;
  }
}
