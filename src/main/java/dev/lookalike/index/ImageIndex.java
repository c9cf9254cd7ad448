package dev.lookalike.index;

import dev.lookalike.codes.Codes;
import dev.lookalike.image.CopySketch;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A searchable store of image codes: the embedded Lucene index, or later a distributed engine with
 * the same schema. Search parameters travel with each call. An index holds the codes of one model
 * ({@link ModelIdentity}) and refuses any other with {@link ModelMismatchException}.
 */
public interface ImageIndex extends Closeable {

  /** Adds images; an image whose id is already indexed is replaced, never duplicated. */
  void add(List<ImageRecord> records) throws IOException;

  /** Deletes an image; false when no image has that id. */
  boolean delete(String id) throws IOException;

  /**
   * Which of {@code ids} are indexed: one call for a batch, so a bulk run skips what an earlier (or
   * crashed) run already added without reading each image.
   */
  Set<String> existing(Collection<String> ids) throws IOException;

  /**
   * The stored thumbnails of those of {@code ids} that are indexed and have one: one call for a
   * search's first hits, which a search by image compares with the query's pixels.
   */
  Map<String, byte[]> thumbnails(Collection<String> ids) throws IOException;

  /**
   * The {@link CopySketch}es of those of {@code ids} that are indexed with a readable thumbnail:
   * one call for the hundreds of nearest images a search by image looks through for an edited
   * copy's original. Derived here from the stored thumbnails; an engine may keep them ready
   * instead.
   */
  default Map<String, byte[]> copySketches(Collection<String> ids) throws IOException {
    Map<String, byte[]> sketches = new HashMap<>();
    for (Map.Entry<String, byte[]> thumbnail : thumbnails(ids).entrySet()) {
      CopySketch.ofThumbnail(thumbnail.getValue())
          .ifPresent(sketch -> sketches.put(thumbnail.getKey(), sketch));
    }
    return sketches;
  }

  /** The stored thumbnail of one image; empty when no image has that id or it has none. */
  default Optional<byte[]> thumbnail(String id) throws IOException {
    return Optional.ofNullable(thumbnails(List.of(id)).get(id));
  }

  /** What is stored for an image, codes and thumbnail included; empty when no image has that id. */
  Optional<IndexedImage> get(String id) throws IOException;

  /**
   * Up to {@code limit} images in id order, the first one after {@code afterId} (from the start
   * when null): the whole index page by page, e.g. to copy it to another engine without
   * re-encoding.
   */
  List<IndexedImage> scan(String afterId, int limit) throws IOException;

  /**
   * The ranked hits for a query code. Ties (equal distance in the mode's measure) come in an order
   * the engine fixes: the same for the same index state, but not specified across engines.
   */
  List<Hit> search(Codes query, SearchParams params) throws IOException;

  /** Makes all changes durable. */
  void commit() throws IOException;

  /**
   * Completes what a bulk writer leaves for the end of its run, so that the next commit holds an
   * index ready to serve (the embedded index's neighbour lists, when opened for bulk); nothing
   * otherwise.
   */
  default void finishBulk() throws IOException {}

  /**
   * Commits, then copies the committed index to {@code target}, a directory that must not exist
   * yet, while the index keeps answering and accepting writes. The copy appears at {@code target}
   * only once complete (it is written beside it and renamed), so a crash never leaves a partial
   * snapshot under that name.
   *
   * @throws NotSupportedByEngineException for an engine that is backed up by its own means
   * @throws java.nio.file.FileAlreadyExistsException when {@code target} exists
   */
  IndexSnapshot snapshot(Path target) throws IOException;

  long count() throws IOException;

  IndexStats stats() throws IOException;

  /** Views of the whole collection, over the same images. */
  CollectionAnalytics analytics();
}
