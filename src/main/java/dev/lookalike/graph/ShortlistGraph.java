package dev.lookalike.graph;

import dev.lookalike.linalg.Vectors;

/**
 * Neighbour lists computed among a query's shortlist alone, for an engine that keeps no collection
 * graph: each shortlisted image's nearest others within the shortlist. Diffusion over these lists
 * approximates diffusion over the collection's graph restricted to the shortlist; the two differ
 * where an image's true nearest lie outside the shortlist (the shortlist version keeps an edge that
 * the collection graph would have given to an image outside it).
 */
public final class ShortlistGraph {

  private ShortlistGraph() {}

  /**
   * The {@code degree} most similar others of every code, by dot product (cosine for unit codes);
   * node numbers are positions in {@code codes}.
   */
  public static Neighbours[] lists(float[][] codes, int degree) {
    int m = codes.length;
    Neighbours.Nearest[] nearest = new Neighbours.Nearest[m];
    for (int i = 0; i < m; i++) {
      nearest[i] = new Neighbours.Nearest(i, degree);
    }
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        float similarity = Vectors.dot(codes[i], codes[j]);
        nearest[i].offer(j, similarity);
        nearest[j].offer(i, similarity);
      }
    }
    Neighbours[] lists = new Neighbours[m];
    for (int i = 0; i < m; i++) {
      lists[i] = nearest[i].neighbours();
    }
    return lists;
  }
}
