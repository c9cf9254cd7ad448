package dev.lookalike.index.lucene;

import org.apache.lucene.document.IntField;
import org.apache.lucene.search.Query;

/**
 * The Lucene schema of an image document.
 *
 * <p>The binary code is kept twice on purpose: its 16-bit chunks as terms of {@link #BUCKET} so
 * candidates are found through the inverted index (multi-index hashing: any code within Hamming
 * distance r·m + m − 1 of the query shares a chunk within distance r with it, m = number of
 * chunks), and its 64-bit words as numeric doc values ({@link #codeWord}) for popcount re-ranking,
 * which reads about ten times faster than binary doc values.
 */
public final class IndexFields {

  /** Version of this schema, recorded in each commit; a different version is refused. */
  public static final int SCHEMA_VERSION = 2;

  public static final String ID = "id";
  public static final String URI = "uri";
  public static final String LABEL = "label";
  public static final String THUMBNAIL = "thumbnail";

  /** The thumbnail's {@link dev.lookalike.image.CopySketch}, binary doc values (none without). */
  public static final String SKETCH = "sketch";

  public static final String DENSE = "dense";
  public static final String BUCKET = "bucket";
  public static final String META_PREFIX = "meta.";
  public static final String ADDED = "added";
  public static final String RECONSTRUCTION_ERROR = "recon";

  /**
   * The image's node in the neighbour graph: a number given when it was added, never reused, so the
   * graph survives Lucene renumbering documents on merges (indexed for lookup, doc values to read).
   */
  public static final String NODE = "node";

  private IndexFields() {}

  /** Finds the image that is node {@code node} of the neighbour graph. */
  static Query nodeQuery(int node) {
    return IntField.newExactQuery(NODE, node);
  }

  /** Doc-values field holding word {@code word} of the binary code. */
  public static String codeWord(int word) {
    return "code" + word;
  }
}
