package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code docker save -o} and {@code docker load -i} on a real engine, with files on the learner's
 * disk. A load never moves a tag the sandbox did not make; the tags and images it brings in are
 * recorded so that the session's cleanup removes them.
 */
final class RealPackaging {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RealContext ctx;

  RealPackaging(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("image save", this::save);
    h.put("image load", this::load);
    h.put("container export", this::export);
    h.put("image import", this::importTar);
    return h;
  }

  private int save(ParsedCommand cmd, CommandIo io) {
    Optional<String> output = cmd.string("output").filter(o -> !o.isEmpty());
    if (output.isEmpty() && io.binaryOut().isEmpty()) {
      // The REPL's stdout is a terminal, where the CLI will not write a tar.
      throw new DockerException(
          "Cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
    }
    StringBuilder query = new StringBuilder();
    for (String name : cmd.args()) {
      query.append(query.length() == 0 ? "?" : "&").append("names=").append(EngineApi.escape(name));
    }
    if (output.isEmpty()) {
      downloadTo(io.binaryOut().get(), "/images/get" + query);
      return 0;
    }
    downloadTo(ctx.file(output.get()), "/images/get" + query);
    return 0;
  }

  /**
   * Writes what a GET answers into {@code file}, through a temporary file beside it, so that a
   * refusal leaves no half-written tar behind.
   */
  private void downloadTo(Path file, String path) {
    Path tmp;
    try {
      tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".save", ".tmp");
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ctx.api().download(path, out);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a stray temporary file is all that is left
      }
    }
  }

  /**
   * Streams what a GET answers to stdout that is not the terminal (a pipe of a host line); a sink
   * that refuses more (its bound) ends the command with its reason.
   */
  private void downloadTo(java.util.function.Consumer<byte[]> sink, String path) {
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              sink.accept(java.util.Arrays.copyOfRange(b, off, off + len));
            } catch (RuntimeException e) {
              throw new IOException(e.getMessage(), e);
            }
          }
        };
    try {
      ctx.api().download(path, out);
    } catch (java.io.UncheckedIOException e) {
      throw DockerException.client(e.getCause().getMessage());
    }
  }

  /** {@code docker export -o FILE CONTAINER}: the container's filesystem as a tar. */
  private int export(ParsedCommand cmd, CommandIo io) {
    Optional<String> output = cmd.string("output").filter(o -> !o.isEmpty());
    if (output.isEmpty() && io.binaryOut().isEmpty()) {
      throw new DockerException(
          "cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
    }
    String id = ctx.ownedContainer(cmd.args().get(0));
    if (output.isEmpty()) {
      downloadTo(io.binaryOut().get(), "/containers/" + id + "/export");
      return 0;
    }
    downloadTo(ctx.file(output.get()), "/containers/" + id + "/export");
    return 0;
  }

  /**
   * {@code docker import FILE [REPOSITORY[:TAG]]}: a tar as a one-layer image. Its tag, or its ID
   * when it has none, goes to the ledger: an imported image cannot carry the sandbox's labels.
   */
  private int importTar(ParsedCommand cmd, CommandIo io) {
    String source = cmd.args().get(0);
    TarSource tar;
    if (source.equals("-")) {
      // The tar piped or redirected in.
      byte[] bytes = io.stdinBytes();
      tar = () -> new java.io.ByteArrayInputStream(bytes);
    } else {
      Path file = ctx.file(source);
      if (!Files.isRegularFile(file)) {
        throw new DockerException("open " + source + ": no such file or directory", 1);
      }
      tar = () -> Files.newInputStream(file);
    }
    StringBuilder query = new StringBuilder("/images/create?fromSrc=-");
    if (cmd.args().size() > 1) {
      String tagged = Refs.tagged(cmd.args().get(1));
      if (!ctx.sandbox().ownsTag(tagged)
          && ctx.api().get("/images/" + EngineApi.escape(tagged) + "/json").isPresent()) {
        throw ctx.notOurs("image", tagged);
      }
      ctx.sandbox().recordTag(tagged);
      int colon = tagged.lastIndexOf(':');
      query
          .append("&repo=")
          .append(EngineApi.escape(tagged.substring(0, colon)))
          .append("&tag=")
          .append(EngineApi.escape(tagged.substring(colon + 1)));
    }
    cmd.string("message").ifPresent(m -> query.append("&message=").append(EngineApi.escape(m)));
    for (String change : cmd.list("change")) {
      query.append("&changes=").append(EngineApi.escape(change));
    }
    JsonMessages messages = new JsonMessages();
    try (InputStream in = tar.open()) {
      ctx.api().stream(
          "POST",
          query.toString(),
          Map.of("Content-Type", "application/x-tar"),
          in,
          messages::accept);
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
    if (messages.failed()) {
      throw new DockerException(messages.error(), 1);
    }
    String out = messages.output();
    io.out(out);
    String id = out.strip();
    if (cmd.args().size() == 1 && id.startsWith("sha256:")) {
      ctx.sandbox().recordTag(id);
    }
    return 0;
  }

  private int load(ParsedCommand cmd, CommandIo io) {
    String input = cmd.string("input", "");
    if (input.isEmpty()) {
      if (io.stdinTerminal() || io.stdinBytes().length == 0) {
        throw new DockerException("requested load from stdin, but stdin is empty", 1);
      }
      // A tar piped or redirected in: the same load, from the bytes in hand.
      byte[] tar = io.stdinBytes();
      return load(
          manifest(() -> new java.io.ByteArrayInputStream(tar), "stdin"),
          () -> new java.io.ByteArrayInputStream(tar),
          cmd,
          io);
    }
    Path file = ctx.file(input);
    return load(
        manifest(() -> Files.newInputStream(file), input),
        () -> Files.newInputStream(file),
        cmd,
        io);
  }

  /** Opens the tar again for each reading. */
  @FunctionalInterface
  private interface TarSource {
    InputStream open() throws IOException;
  }

  private int load(List<Manifest> manifests, TarSource source, ParsedCommand cmd, CommandIo io) {
    List<String> fresh = new ArrayList<>();
    for (Manifest m : manifests) {
      for (String tag : m.tags()) {
        String tagged = Refs.tagged(tag);
        Optional<JsonNode> existing =
            ctx.api().get("/images/" + EngineApi.escape(tagged) + "/json");
        if (existing.isEmpty()) {
          fresh.add(tagged);
        } else if (!ctx.sandbox().ownsTag(tagged)
            && !existing.get().path("Id").asText().equals(m.imageId())) {
          throw ctx.notOurs("image", tagged);
        }
      }
      if (m.tags().isEmpty()
          && ctx.api().get("/images/" + EngineApi.escape(m.imageId()) + "/json").isEmpty()) {
        fresh.add(m.imageId());
      }
    }
    // Into the ledger before the load: a crash during it then leaves nothing behind.
    fresh.forEach(ctx.sandbox()::recordTag);
    JsonMessages messages = new JsonMessages();
    try (InputStream in = source.open()) {
      ctx.api().stream(
          "POST",
          "/images/load?quiet=" + (cmd.bool("quiet") ? "1" : "0"),
          Map.of("Content-Type", "application/x-tar"),
          in,
          messages::accept);
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
    io.out(messages.output());
    if (messages.failed()) {
      throw new DockerException(messages.error(), 1);
    }
    return 0;
  }

  /** One image of a saved tar: its ID and tags. */
  private record Manifest(String imageId, List<String> tags) {}

  /** The images a saved tar holds, from its {@code manifest.json}; empty when it has none. */
  private static List<Manifest> manifest(TarSource source, String shown) {
    List<Manifest> out = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(source.open())) {
      ArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.getName().equals("manifest.json")) {
          continue;
        }
        for (JsonNode image : JSON.readTree(tar.readAllBytes())) {
          String config = image.path("Config").asText();
          String hex = config.substring(config.lastIndexOf('/') + 1).replace(".json", "");
          List<String> tags = new ArrayList<>();
          image.path("RepoTags").forEach(t -> tags.add(t.asText()));
          out.add(new Manifest("sha256:" + hex, tags));
        }
      }
    } catch (NoSuchFileException e) {
      throw new DockerException("open " + shown + ": no such file or directory", 1);
    } catch (IOException e) {
      // Not a tar the CLI can read: the engine says why when it gets it.
    }
    return out;
  }
}
