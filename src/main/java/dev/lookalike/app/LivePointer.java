package dev.lookalike.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Which model and index are live after a reindex switched to them: a small file beside the
 * configured index directory ({@code index.live} for {@code index}). The server and the CLI open
 * what it names instead of the configured index and model; deleting it goes back to those.
 *
 * @param model the model directory
 * @param index the index directory, beside the configured one
 */
public record LivePointer(Path model, Path index) {

  private static final String MODEL = "model";
  private static final String INDEX = "index";

  /** The pointer file for the configured index directory {@code base}. */
  public static Path fileFor(Path base) {
    Path absolute = base.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".live");
  }

  /** Where a reindex to the model with this fingerprint builds its index, beside {@code base}. */
  public static Path indexFor(Path base, String fingerprint) {
    Path absolute = base.toAbsolutePath().normalize();
    return absolute.resolveSibling(
        absolute.getFileName()
            + "."
            + fingerprint.substring(0, Math.min(12, fingerprint.length())));
  }

  /** The pointer for {@code base}, when a reindex has switched it. */
  public static Optional<LivePointer> read(Path base) {
    Path file = fileFor(base);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String model = properties.getProperty(MODEL);
    String index = properties.getProperty(INDEX);
    if (model == null || index == null) {
      throw new IllegalStateException(
          file + " must name the live model and index (delete it to use the configured ones)");
    }
    return Optional.of(new LivePointer(Path.of(model), file.resolveSibling(index)));
  }

  /**
   * Makes this the live pointer for {@code base}: written beside it, forced to disk and renamed
   * over the old one, so a crash leaves either the old pointer or the new one.
   */
  public void write(Path base) throws IOException {
    Path file = fileFor(base);
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Properties properties = new Properties();
    properties.setProperty(MODEL, model.toAbsolutePath().normalize().toString());
    properties.setProperty(
        INDEX, file.getParent().relativize(index.toAbsolutePath().normalize()).toString());
    try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      properties.store(writer, "the live model and index, written by reindex");
    }
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
