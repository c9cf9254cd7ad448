package dev.lookalike.index.lucene;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The images written since the writer last refreshed its searcher: HNSW may not find them yet, so
 * the images that follow are compared with them directly. Their nodes are consecutive, because
 * nodes are numbered in the order images are written. Used under the write lock only.
 */
final class UnrefreshedImages {

  private final Set<String> ids = new HashSet<>();
  private final List<float[]> vectors = new ArrayList<>();
  private int firstNode;

  /** Records images just written, nodes {@code firstNode} onwards in order. */
  void add(int firstNode, List<String> ids, float[][] vectors) {
    if (this.vectors.isEmpty()) {
      this.firstNode = firstNode;
    } else if (firstNode != this.firstNode + this.vectors.size()) {
      throw new IllegalStateException(
          "node " + firstNode + " does not follow node " + (this.firstNode + size() - 1));
    }
    this.ids.addAll(ids);
    this.vectors.addAll(List.of(vectors));
  }

  boolean containsAny(List<String> candidates) {
    for (String id : candidates) {
      if (ids.contains(id)) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return vectors.size();
  }

  int node(int i) {
    return firstNode + i;
  }

  float[] vector(int i) {
    return vectors.get(i);
  }

  /** After a refresh: the searcher finds them all. */
  void clear() {
    ids.clear();
    vectors.clear();
  }
}
