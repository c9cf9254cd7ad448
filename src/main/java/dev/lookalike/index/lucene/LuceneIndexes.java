package dev.lookalike.index.lucene;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** The ways to open the embedded index; everything else sees only {@link ImageIndex}. */
public final class LuceneIndexes {

  private LuceneIndexes() {}

  /**
   * Opens (or creates) the index in {@code path} for adding and searching codes of {@code model}.
   */
  public static ImageIndex open(Path path, IndexSettings settings, ModelIdentity model)
      throws IOException {
    Files.createDirectories(path);
    FSDirectory directory = FSDirectory.open(path);
    try {
      return LuceneImageIndex.writable(directory, path.toString(), settings, model);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Opens the existing index in {@code path} for searching only: it takes no write lock, so it may
   * run beside a server that writes the same index, and leaves the directory untouched.
   */
  public static ImageIndex openReadOnly(Path path, ModelIdentity model) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new NoSuchFileException(path.toString(), null, "no index here; add images first");
    }
    FSDirectory directory = FSDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new NoSuchFileException(path.toString(), null, "no index here; add images first");
      }
      return LuceneImageIndex.readOnly(directory, path.toString(), model);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The model whose codes the index in {@code path} holds; empty for an empty or missing index. */
  public static Optional<ModelIdentity> modelOf(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Optional.empty();
    }
    try (FSDirectory directory = FSDirectory.open(path)) {
      return DirectoryReader.indexExists(directory)
          ? CommitData.read(directory, path.toString())
          : Optional.empty();
    }
  }

  /**
   * Restores a snapshot ({@link ImageIndex#snapshot}) into {@code index}, a directory that does not
   * exist or is empty: every file is copied, checksums verified, and the directory appears only
   * once complete. The restored index opens with the model it was written with, like any other.
   *
   * @return the snapshot as restored
   * @throws IllegalArgumentException when {@code snapshot} holds no index or {@code index} is not
   *     empty
   */
  public static IndexSnapshot restore(Path snapshot, Path index) throws IOException {
    try (FSDirectory from = FSDirectory.open(snapshot)) {
      if (!Files.isDirectory(snapshot) || !DirectoryReader.indexExists(from)) {
        throw new IllegalArgumentException("no index snapshot in " + snapshot);
      }
      if (Files.isDirectory(index)) {
        try (var entries = Files.list(index)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(
                "restore needs an empty or new index directory; "
                    + index
                    + " is not empty (move it aside first)");
          }
        }
        Files.delete(index);
      }
      try (SnapshotCopy copy = new SnapshotCopy(index)) {
        copy.copy(from, List.of(from.listAll()));
        copy.verify();
        copy.publish();
        long images;
        try (FSDirectory restored = FSDirectory.open(index);
            DirectoryReader reader = DirectoryReader.open(restored)) {
          images = reader.numDocs();
        }
        return new IndexSnapshot(copy.target(), images, copy.files(), copy.bytes());
      }
    }
  }

  /** A writable index in memory, e.g. for evaluation. */
  public static ImageIndex inMemory(IndexSettings settings, ModelIdentity model)
      throws IOException {
    return open(new ByteBuffersDirectory(), settings, model);
  }

  /** A writable index in any Lucene directory; closing the index closes the directory. */
  public static ImageIndex open(Directory directory, IndexSettings settings, ModelIdentity model)
      throws IOException {
    return LuceneImageIndex.writable(directory, directory.toString(), settings, model);
  }
}
