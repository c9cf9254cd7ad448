package dev.lookalike.index;

import java.io.IOException;
import java.util.List;

/** Views of a whole indexed collection, for browsing it rather than searching it. */
public interface CollectionAnalytics {

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
}
