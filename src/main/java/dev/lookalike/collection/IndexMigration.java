package dev.lookalike.collection;

import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies one index into another — embedded to OpenSearch or back — without re-encoding: codes,
 * thumbnails, labels, metadata and reconstruction errors travel as they are. Pages go in id order
 * and each is committed before the checkpoint file records its last id, so a copy that stops (or is
 * killed) resumes after the last committed page.
 */
public final class IndexMigration {

  /** What a copy did. */
  public record Report(long copied, long sourceCount, long targetCount, double seconds) {}

  /**
   * The check after a copy: counts, and the exact-mode answers to a sample of the images' own codes
   * compared between the two indexes.
   */
  public record Verification(
      long sourceCount, long targetCount, int sampled, List<String> differing) {

    public boolean passed() {
      return sourceCount == targetCount && differing.isEmpty();
    }
  }

  private final ImageIndex source;
  private final ImageIndex target;
  private final int pageSize;

  public IndexMigration(ImageIndex source, ImageIndex target, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, got: " + pageSize);
    }
    this.source = source;
    this.target = target;
    this.pageSize = pageSize;
  }

  /**
   * Copies every image after the checkpoint's id (all of them when the file does not exist),
   * recording progress in {@code checkpoint} and removing it once the copy is complete.
   */
  public Report copy(Path checkpoint, ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    long total = source.count();
    String after = readCheckpoint(checkpoint).orElse(null);
    long copied = 0;
    for (List<IndexedImage> page = source.scan(after, pageSize);
        !page.isEmpty();
        page = source.scan(after, pageSize)) {
      List<ImageRecord> records = new ArrayList<>(page.size());
      for (IndexedImage image : page) {
        records.add(record(image));
      }
      target.add(records);
      target.commit();
      after = page.getLast().id();
      writeCheckpoint(checkpoint, after);
      copied += page.size();
      progress.progress(copied, total);
    }
    // Finished: a later run copies everything again (replacing by id), including ids that sort
    // before this run's last one.
    if (checkpoint != null) {
      Files.deleteIfExists(checkpoint);
    }
    return new Report(copied, total, target.count(), (System.nanoTime() - start) / 1e9);
  }

  /** Counts, and the exact top {@code k} of {@code samples} images' codes, on both indexes. */
  public Verification verify(int samples, int k) throws IOException {
    long sourceCount = source.count();
    long step = Math.max(1, sourceCount / Math.max(1, samples));
    List<String> differing = new ArrayList<>();
    int sampled = 0;
    String after = null;
    SearchParams exact = SearchParams.of(k, SearchMode.EXACT);
    while (sampled < samples) {
      List<IndexedImage> page = source.scan(after, (int) Math.min(step, Integer.MAX_VALUE));
      if (page.isEmpty()) {
        break;
      }
      IndexedImage image = page.getLast();
      after = image.id();
      List<String> here = ids(source.search(image.codes(), exact));
      List<String> there = ids(target.search(image.codes(), exact));
      if (!here.equals(there)) {
        differing.add(image.id());
      }
      sampled++;
    }
    return new Verification(sourceCount, target.count(), sampled, differing);
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  private static ImageRecord record(IndexedImage image) {
    var stored = image.image();
    return new ImageRecord(
        stored.id(),
        stored.uri(),
        stored.label(),
        stored.metadata(),
        image.thumbnailPng(),
        image.codes(),
        stored.reconstructionError() == null ? Float.NaN : stored.reconstructionError());
  }

  private static Optional<String> readCheckpoint(Path checkpoint) throws IOException {
    if (checkpoint == null || !Files.exists(checkpoint)) {
      return Optional.empty();
    }
    String id = Files.readString(checkpoint, StandardCharsets.UTF_8).strip();
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  /** Replaces the checkpoint atomically: a crash leaves the old id or the new one, never half. */
  private static void writeCheckpoint(Path checkpoint, String id) throws IOException {
    if (checkpoint == null) {
      return;
    }
    Path parent = checkpoint.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".checkpoint", ".tmp");
    Files.writeString(temp, id, StandardCharsets.UTF_8);
    Files.move(
        temp, checkpoint, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
