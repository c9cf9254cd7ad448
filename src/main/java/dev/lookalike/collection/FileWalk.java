package dev.lookalike.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Image files under some roots, walked lazily one root after the other: only the walk's directory
 * stack is held, never the list of files. The files are counted by a first walk, for progress.
 */
final class FileWalk implements IndexInputs {
  private final Iterator<Path> roots;
  private final long size;
  private Stream<Path> walk;
  private Iterator<Path> current;

  FileWalk(List<Path> roots) {
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new IllegalArgumentException("no such file or directory: " + root);
      }
    }
    long count = 0;
    for (Path root : roots) {
      try (Stream<Path> files = walk(root)) {
        count += files.count();
      }
    }
    this.size = count;
    this.roots = roots.iterator();
  }

  private static Stream<Path> walk(Path root) {
    if (Files.isRegularFile(root)) {
      return Stream.of(root);
    }
    try {
      return Files.walk(root).filter(Files::isRegularFile).filter(ImageFiles::hasImageExtension);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Input next() {
    while (current == null || !current.hasNext()) {
      if (walk != null) {
        walk.close();
        walk = null;
        current = null;
      }
      if (!roots.hasNext()) {
        return null;
      }
      walk = walk(roots.next());
      current = walk.iterator();
    }
    Path file = current.next();
    String uri = file.toAbsolutePath().normalize().toUri().toString();
    return new Input(
        ImageIds.forUri(uri), uri, null, pipeline -> pipeline.prepare(Files.readAllBytes(file)));
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public synchronized void close() {
    if (walk != null) {
      walk.close();
    }
  }
}
