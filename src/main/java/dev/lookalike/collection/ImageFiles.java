package dev.lookalike.collection;

import dev.lookalike.image.InvalidImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** Finds image files: a file is taken as given, a directory is walked recursively. */
public final class ImageFiles {

  /** File name extensions treated as images; content is checked when decoding, not here. */
  public static final Set<String> EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "jpe", "bmp", "dib", "tif", "tiff", "webp", "gif");

  private ImageFiles() {}

  /** Image files under each root, in sorted order so runs are repeatable. */
  public static List<Path> find(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        files.add(root);
      } else if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile)
              .filter(ImageFiles::hasImageExtension)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot walk " + root + ": " + e.getMessage(), e);
        }
      } else {
        throw new IllegalArgumentException("no such file or directory: " + root);
      }
    }
    return files;
  }

  /** Turns a file's bytes into an image, or finds them invalid. */
  public interface Decoder<T> {
    T decode(byte[] bytes) throws IOException;
  }

  /**
   * Every file decoded, in order; a file that cannot be read or decoded is reported to {@code
   * skipped} with the reason and left out, as the indexer does: one bad file never stops a run.
   */
  public static <T> List<T> decodeAll(
      List<Path> files, Decoder<T> decoder, BiConsumer<Path, String> skipped) {
    List<T> decoded = new ArrayList<>(files.size());
    for (Path file : files) {
      try {
        decoded.add(decoder.decode(Files.readAllBytes(file)));
      } catch (InvalidImageException | IOException e) {
        skipped.accept(file, e.getMessage());
      }
    }
    return decoded;
  }

  static boolean hasImageExtension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
