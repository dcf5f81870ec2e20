package io.dockerlings.simulator.sh;

import java.nio.charset.StandardCharsets;

/**
 * A pipe between two stages. It holds text until raw bytes are written into it (a tar, a printf of
 * {@code \\377}); from then on it holds one char per byte, the text written before and after as its
 * UTF-8 bytes, so that the next stage can read the bytes back as they were.
 *
 * <p>Once the pipe holds {@link Limits#PIPE_BYTES} the writer is cut off, as a writer blocked on a
 * full pipe is killed by SIGPIPE when its reader ends ({@code yes | head}).
 */
final class BytePipe implements ShellProcess.Sink {
  final StringBuilder text = new StringBuilder();
  boolean bytes;

  @Override
  public void write(String t) {
    toPipe(text, bytes ? asBytes(t) : t);
  }

  @Override
  public void writeBytes(byte[] data) {
    if (!bytes) {
      bytes = true;
      String before = asBytes(text.toString());
      text.setLength(0);
      text.append(before);
    }
    toPipe(text, new String(data, StandardCharsets.ISO_8859_1));
  }

  private static String asBytes(String t) {
    return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static void toPipe(StringBuilder pipe, String text) {
    if (pipe.length() + text.length() > Limits.PIPE_BYTES) {
      pipe.append(text, 0, (int) (Limits.PIPE_BYTES - pipe.length()));
      throw new Limits.PipeFull();
    }
    pipe.append(text);
  }
}
