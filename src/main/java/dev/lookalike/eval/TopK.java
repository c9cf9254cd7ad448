package dev.lookalike.eval;

import java.util.Objects;

/**
 * Selects the {@code k} smallest distances, ties broken by index.
 *
 * <p>Index order is database order, so the tie-break matches the stable sort of the reference
 * evaluation and results are reproducible. Float distances use a bounded heap ({@code O(n log k)});
 * Hamming distances, being small integers, use counting ({@code O(n + maxDistance)}), which matters
 * when every query scans 60,000 codes.
 */
public final class TopK {

  /** Largest Hamming distance accepted: far beyond any code length in use, yet a small table. */
  static final int MAX_HAMMING = 1 << 16;

  private TopK() {}

  /**
   * Returns the indices of the {@code min(k, n)} smallest distances, sorted by (distance, index).
   *
   * <p>Distances are ordered by {@link Float#compare}, so NaN sorts last and -0.0 before 0.0.
   */
  public static int[] smallest(float[] distances, int k) {
    Objects.requireNonNull(distances, "distances");
    requireK(k);
    int size = Math.min(k, distances.length);
    int[] heap = new int[size];
    int filled = 0;
    for (int i = 0; i < distances.length; i++) {
      if (filled < size) {
        heap[filled] = i;
        siftUp(heap, filled++, distances);
      } else if (size > 0 && worse(distances, heap[0], i)) {
        heap[0] = i;
        siftDown(heap, size, distances);
      }
    }
    int[] out = new int[size];
    for (int end = size - 1; end >= 0; end--) {
      out[end] = heap[0];
      heap[0] = heap[end];
      siftDown(heap, end, distances);
    }
    return out;
  }

  /**
   * Returns the indices of the {@code min(k, n)} smallest Hamming distances, sorted by (distance,
   * index).
   *
   * <p>Distances must be in {@code [0, 65536]}.
   */
  public static int[] smallestHamming(int[] distances, int k) {
    Objects.requireNonNull(distances, "distances");
    requireK(k);
    int size = Math.min(k, distances.length);
    int max = 0;
    for (int i = 0; i < distances.length; i++) {
      int d = distances[i];
      if (d < 0 || d > MAX_HAMMING) {
        throw new IllegalArgumentException(
            "distances[" + i + "] must be in [0, " + MAX_HAMMING + "], got " + d);
      }
      max = Math.max(max, d);
    }
    int[] counts = new int[max + 1];
    for (int d : distances) {
      counts[d]++;
    }
    // cutoff: the distance at which the k-th result lies; offsets: first slot of each distance
    int[] offsets = new int[max + 1];
    int cutoff = -1;
    int before = 0;
    for (int d = 0; d <= max && before < size; d++) {
      offsets[d] = before;
      before += counts[d];
      cutoff = d;
    }
    int[] out = new int[size];
    for (int i = 0; i < distances.length; i++) {
      int d = distances[i];
      if (d <= cutoff && offsets[d] < size) {
        out[offsets[d]++] = i;
      }
    }
    return out;
  }

  private static void requireK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
  }

  /** True iff item {@code a} ranks after item {@code b}. */
  private static boolean worse(float[] distances, int a, int b) {
    int byDistance = Float.compare(distances[a], distances[b]);
    return byDistance > 0 || (byDistance == 0 && a > b);
  }

  private static void siftUp(int[] heap, int at, float[] distances) {
    int item = heap[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!worse(distances, item, heap[parent])) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = item;
  }

  private static void siftDown(int[] heap, int size, float[] distances) {
    if (size == 0) {
      return;
    }
    int item = heap[0];
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && worse(distances, heap[child + 1], heap[child])) {
        child++;
      }
      if (!worse(distances, heap[child], item)) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = item;
  }
}
