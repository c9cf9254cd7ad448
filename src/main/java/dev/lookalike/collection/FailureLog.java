package dev.lookalike.collection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs a run could not index: every one written, as it happens, to an optional JSON-lines
 * file ({@code {"path": …, "reason": …}} per line), and the first {@value #KEPT} kept for the
 * report, so a run over millions of bad files never holds them all.
 */
public final class FailureLog implements Closeable {

  static final int KEPT = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter file;
  private final List<IndexingReport.Failure> kept = new ArrayList<>();
  private long count;

  private FailureLog(BufferedWriter file) {
    this.file = file;
  }

  /** Failures kept in memory only. */
  public static FailureLog inMemory() {
    return new FailureLog(null);
  }

  /** Failures also written to {@code path} (created or truncated). */
  public static FailureLog toFile(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new FailureLog(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
  }

  public synchronized void add(String source, String reason) {
    count++;
    if (kept.size() < KEPT) {
      kept.add(new IndexingReport.Failure(source, reason));
    }
    if (file != null) {
      ObjectNode line = JSON.createObjectNode().put("path", source).put("reason", reason);
      try {
        file.write(line.toString());
        file.newLine();
        file.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the failure log: " + e.getMessage(), e);
      }
    }
  }

  public synchronized long count() {
    return count;
  }

  public synchronized List<IndexingReport.Failure> kept() {
    return List.copyOf(kept);
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
