package dev.lookalike.graph;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The k-nearest-neighbour lists of a collection: for every node (an image, numbered in the order it
 * was added), up to {@link #degree()} other nodes with their cosine similarity, most similar first.
 *
 * <p>Lists are directed ({@link Diffusion} keeps only the mutual edges). A new node is offered to
 * the lists of the nodes around it, and enters those it belongs on. A deleted node keeps its number
 * (numbers are never reused) with an empty list; the lists that held it are found with {@link
 * #holders} and recomputed by the index. Thread-safe: searches read under a shared lock while the
 * index writer changes lists.
 */
public final class NeighbourGraph {

  private static final int[] NO_NODES = new int[0];
  private static final float[] NO_SIMILARITIES = new float[0];

  private final int degree;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private int[][] neighbours = new int[16][];
  private float[][] similarities = new float[16][];
  private int size;

  public NeighbourGraph(int degree) {
    if (degree < 1) {
      throw new IllegalArgumentException("graph degree must be positive, got: " + degree);
    }
    this.degree = degree;
  }

  public int degree() {
    return degree;
  }

  /** Nodes numbered so far, deleted ones included: the next new node gets this number. */
  public int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Numbers {@code count} new nodes, with empty lists; returns the first number. */
  public int addNodes(int count) {
    lock.writeLock().lock();
    try {
      int first = size;
      int needed = size + count;
      if (needed > neighbours.length) {
        int capacity = Math.max(needed, neighbours.length + (neighbours.length >> 1));
        neighbours = Arrays.copyOf(neighbours, capacity);
        similarities = Arrays.copyOf(similarities, capacity);
      }
      for (int node = first; node < needed; node++) {
        neighbours[node] = NO_NODES;
        similarities[node] = NO_SIMILARITIES;
      }
      size = needed;
      return first;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Replaces a node's list with the {@link #degree()} most similar of the given neighbours (itself
   * and duplicates dropped).
   */
  public void setNeighbours(int node, Neighbours list) {
    Neighbours best = Neighbours.best(node, list.nodes(), list.similarities(), degree);
    lock.writeLock().lock();
    try {
      check(node);
      neighbours[node] = best.nodes();
      similarities[node] = best.similarities();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Puts {@code candidate} on {@code node}'s list when it is among its most similar. */
  public void offer(int node, int candidate, float similarity) {
    lock.writeLock().lock();
    try {
      check(node);
      int[] current = neighbours[node];
      if (current.length == degree && similarity <= similarities[node][degree - 1]) {
        return;
      }
      Neighbours.Nearest nearest = new Neighbours.Nearest(node, degree);
      for (int i = 0; i < current.length; i++) {
        nearest.offer(current[i], similarities[node][i]);
      }
      nearest.offer(candidate, similarity);
      Neighbours best = nearest.neighbours();
      neighbours[node] = best.nodes();
      similarities[node] = best.similarities();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Empties a deleted node's list. */
  public void remove(int node) {
    lock.writeLock().lock();
    try {
      check(node);
      neighbours[node] = NO_NODES;
      similarities[node] = NO_SIMILARITIES;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The nodes whose lists hold any of {@code nodes}: a scan of every list (about a millisecond per
   * 100,000 nodes), which spares keeping reverse lists up to date on every change.
   */
  public int[] holders(Set<Integer> nodes) {
    int[] found = new int[16];
    int count = 0;
    lock.readLock().lock();
    try {
      for (int node = 0; node < size; node++) {
        for (int neighbour : neighbours[node]) {
          if (nodes.contains(neighbour)) {
            if (count == found.length) {
              found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = node;
            break;
          }
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return Arrays.copyOf(found, count);
  }

  /** A node's list; empty for a node this graph has not numbered (e.g. added after loading). */
  public Neighbours neighbours(int node) {
    lock.readLock().lock();
    try {
      return node >= 0 && node < size
          ? new Neighbours(neighbours[node], similarities[node])
          : new Neighbours(NO_NODES, NO_SIMILARITIES);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The lists of many nodes read at one point in time (one lock for a whole search). */
  Neighbours[] neighbours(int[] nodes) {
    Neighbours[] lists = new Neighbours[nodes.length];
    lock.readLock().lock();
    try {
      for (int i = 0; i < nodes.length; i++) {
        int node = nodes[i];
        lists[i] =
            node >= 0 && node < size
                ? new Neighbours(neighbours[node], similarities[node])
                : new Neighbours(NO_NODES, NO_SIMILARITIES);
      }
    } finally {
      lock.readLock().unlock();
    }
    return lists;
  }

  private void check(int node) {
    if (node < 0 || node >= size) {
      throw new IllegalArgumentException("no node " + node + " in a graph of " + size);
    }
  }
}
