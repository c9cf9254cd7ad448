package dev.lookalike.graph;

import java.util.Arrays;

/**
 * One node's neighbour list, most similar first. The arrays are never changed once built (a graph
 * replaces a list instead), so a list may be read after the graph's lock is released.
 */
public record Neighbours(int[] nodes, float[] similarities) {

  public int size() {
    return nodes.length;
  }

  /**
   * The {@code limit} most similar of the given neighbours, most similar first; {@code self} and
   * repeated nodes are dropped, ties broken by the lower node number.
   */
  public static Neighbours best(int self, int[] nodes, float[] sims, int limit) {
    if (nodes.length != sims.length) {
      throw new IllegalArgumentException("one similarity per node");
    }
    Nearest nearest = new Nearest(self, limit);
    for (int i = 0; i < nodes.length; i++) {
      nearest.offer(nodes[i], sims[i]);
    }
    return nearest.neighbours();
  }

  /** Collects the most similar neighbours of one node from candidates offered one at a time. */
  public static final class Nearest {
    private final int self;
    private final int[] nodes;
    private final float[] sims;
    private int count;

    public Nearest(int self, int limit) {
      this.self = self;
      this.nodes = new int[limit];
      this.sims = new float[limit];
    }

    public void offer(int node, float similarity) {
      if (node == self
          || Float.isNaN(similarity)
          || (count == nodes.length && count > 0 && similarity < sims[count - 1])) {
        return; // the common case when scanning many candidates: not among the best so far
      }
      for (int i = 0; i < count; i++) {
        if (nodes[i] == node) {
          return; // the same pair scored twice (e.g. by the graph search and the batch)
        }
      }
      int at = count;
      while (at > 0 && before(node, similarity, at - 1)) {
        at--;
      }
      if (at == nodes.length) {
        return;
      }
      int last = Math.min(count, nodes.length - 1);
      System.arraycopy(nodes, at, nodes, at + 1, last - at);
      System.arraycopy(sims, at, sims, at + 1, last - at);
      nodes[at] = node;
      sims[at] = similarity;
      count = Math.min(count + 1, nodes.length);
    }

    private boolean before(int node, float similarity, int i) {
      return similarity > sims[i] || (similarity == sims[i] && node < nodes[i]);
    }

    public Neighbours neighbours() {
      return new Neighbours(Arrays.copyOf(nodes, count), Arrays.copyOf(sims, count));
    }
  }
}
