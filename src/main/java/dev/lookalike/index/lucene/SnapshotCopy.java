package dev.lookalike.index.lucene;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * Copies named files of a Lucene directory into a new file-system directory that appears under its
 * final name only when complete and synced: written to a hidden sibling, then renamed atomically.
 */
final class SnapshotCopy implements AutoCloseable {

  private final Path target;
  private final Path partial;
  private final FSDirectory out;
  private final List<String> copied = new ArrayList<>();
  private long bytes;
  private boolean published;

  SnapshotCopy(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      throw new FileAlreadyExistsException(absolute.toString(), null, "snapshots never overwrite");
    }
    Files.createDirectories(absolute.getParent());
    this.target = absolute;
    this.partial =
        absolute.resolveSibling("." + absolute.getFileName() + ".partial-" + UUID.randomUUID());
    this.out = FSDirectory.open(Files.createDirectory(partial));
  }

  void copy(Directory from, Collection<String> files) throws IOException {
    for (String file : files) {
      out.copyFrom(from, file, file, IOContext.DEFAULT);
      bytes += out.fileLength(file);
      copied.add(file);
    }
  }

  /** Verifies the checksum of every file of the copied index, which must be complete. */
  void verify() throws IOException {
    try (CheckIndex check = new CheckIndex(out)) {
      check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
      if (!check.checkIndex().clean) {
        throw new IOException("the copy in " + partial + " fails CheckIndex; nothing was restored");
      }
    }
  }

  /** Syncs every copied file and renames the copy to its final name. */
  void publish() throws IOException {
    out.sync(copied);
    out.syncMetaData();
    out.close();
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    published = true;
  }

  int files() {
    return copied.size();
  }

  long bytes() {
    return bytes;
  }

  Path target() {
    return target;
  }

  /** Removes the partial copy unless it was published. */
  @Override
  public void close() throws IOException {
    out.close();
    if (!published) {
      try (Stream<Path> files = Files.list(partial)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(partial);
    }
  }
}
