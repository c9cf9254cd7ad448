package dev.lookalike.index;

import dev.lookalike.codes.Codes;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A searchable store of image codes: the embedded Lucene index, or later a distributed engine with
 * the same schema. Search parameters travel with each call.
 */
public interface ImageIndex extends Closeable {

  /** Adds images; an image whose id is already indexed is replaced, never duplicated. */
  void add(List<ImageRecord> records) throws IOException;

  /** Deletes an image; false when no image has that id. */
  boolean delete(String id) throws IOException;

  boolean contains(String id) throws IOException;

  Optional<StoredImage> get(String id) throws IOException;

  Optional<byte[]> thumbnail(String id) throws IOException;

  /** The codes stored for an image, e.g. to search by an indexed image. */
  Optional<Codes> codes(String id) throws IOException;

  List<Hit> search(Codes query, SearchParams params) throws IOException;

  /** The distinct labels of the indexed images, sorted. */
  List<String> labels() throws IOException;

  /**
   * Up to {@code max} indexed images with their dense codes, spread evenly over the index: enough
   * to draw a map of the collection without reading all of it.
   */
  List<CodeSample> sample(int max) throws IOException;

  /** The {@code k} images the model reconstructs worst: the collection's outliers. */
  List<StoredImage> outliers(int k) throws IOException;

  /**
   * Groups of near-identical images: images whose binary codes are within {@code maxHamming} bits
   * of each other (transitively), largest groups first, at most {@code maxGroups} groups.
   */
  List<List<StoredImage>> duplicates(int maxHamming, int maxGroups) throws IOException;

  /** Makes all changes durable. */
  void commit() throws IOException;

  long count() throws IOException;

  IndexStats stats() throws IOException;
}
