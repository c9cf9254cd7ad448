package dev.lookalike.graph;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Re-ranks a query's nearest images by diffusion over their mutual neighbour graph: the images that
 * many of the query's close neighbours reach through chains of close neighbours rise, isolated near
 * misses fall. It solves (I − α S) f = y by conjugate gradient, S the symmetrically normalised
 * adjacency (weights cos³) of the mutual edges among the shortlist, y the query's cosine cubed on
 * its nearest {@code seeds} images (Iscen et al., CVPR 2017, truncated to the shortlist so a query
 * costs O(shortlist · degree) and never touches the rest of the collection).
 */
public final class Diffusion {

  /** Similarities are raised to this power: stronger edges count far more than weak ones. */
  private static final int GAMMA = 3;

  private Diffusion() {}

  /**
   * The diffusion score of every shortlisted image (higher is better).
   *
   * @param nodes the shortlist's graph nodes, nearest first
   * @param cosines their cosine similarity to the query, in the same order
   */
  public static double[] scores(
      NeighbourGraph graph, int[] nodes, float[] cosines, DiffusionParams params) {
    return scores(graph.neighbours(nodes), nodes, cosines, params);
  }

  /**
   * The diffusion score of every shortlisted image, given each one's neighbour list.
   *
   * @param lists the neighbour list of each node, in the order of {@code nodes}
   */
  public static double[] scores(
      Neighbours[] lists, int[] nodes, float[] cosines, DiffusionParams params) {
    int m = nodes.length;
    if (cosines.length != m || lists.length != m) {
      throw new IllegalArgumentException("one cosine and one neighbour list per node");
    }
    Adjacency adjacency = Adjacency.mutual(nodes, lists);
    double[] y = new double[m];
    for (int i = 0; i < Math.min(params.seeds(), m); i++) {
      y[i] = weight(cosines[i]);
    }
    return conjugateGradient(adjacency, params.alpha(), y, params.iterations());
  }

  /**
   * The shortlist positions in diffusion order: the {@code kept} nearest images first, in cosine
   * order, then the others by diffusion score; images the diffusion does not reach keep their
   * cosine order after those it does.
   *
   * @param scores the diffusion scores of a shortlist sorted by cosine, most similar first
   */
  public static int[] order(double[] scores, int kept) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // The query's own nearest codes stay on top; diffusion ranks everything after them. The sort
    // is stable on the cosine order, which already breaks its own ties.
    Arrays.sort(
        order,
        Comparator.comparingInt((Integer i) -> i < kept ? i : kept)
            .thenComparingDouble(i -> -scores[i]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  static double weight(float similarity) {
    double s = Math.max(0f, similarity);
    return Math.pow(s, GAMMA);
  }

  /** Solves (I − α S) f = y; the matrix is symmetric positive definite for α in (0, 1). */
  private static double[] conjugateGradient(
      Adjacency adjacency, double alpha, double[] y, int iterations) {
    int m = y.length;
    double[] f = new double[m];
    double[] r = y.clone();
    double[] p = y.clone();
    double[] ap = new double[m];
    double rs = dot(r, r);
    for (int it = 0; it < iterations && rs > 1e-20; it++) {
      adjacency.multiply(p, ap);
      for (int i = 0; i < m; i++) {
        ap[i] = p[i] - alpha * ap[i];
      }
      double step = rs / dot(p, ap);
      for (int i = 0; i < m; i++) {
        f[i] += step * p[i];
        r[i] -= step * ap[i];
      }
      double next = dot(r, r);
      double beta = next / rs;
      for (int i = 0; i < m; i++) {
        p[i] = r[i] + beta * p[i];
      }
      rs = next;
    }
    return f;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** The normalised mutual adjacency among the shortlist, in compressed rows. */
  private record Adjacency(int[] rowStart, int[] columns, double[] values) {

    static Adjacency mutual(int[] nodes, Neighbours[] lists) {
      int m = nodes.length;
      long[] byNode = new long[m];
      for (int i = 0; i < m; i++) {
        byNode[i] = ((long) nodes[i] << 32) | i;
      }
      Arrays.sort(byNode);
      int[] rowStart = new int[m + 1];
      int[] columns = new int[16];
      double[] values = new double[16];
      int count = 0;
      for (int i = 0; i < m; i++) {
        Neighbours list = lists[i];
        for (int e = 0; e < list.size(); e++) {
          int j = position(byNode, list.nodes()[e]);
          if (j < 0 || j == i || !listed(lists[j], nodes[i])) {
            continue;
          }
          if (count == columns.length) {
            columns = Arrays.copyOf(columns, count * 2);
            values = Arrays.copyOf(values, count * 2);
          }
          columns[count] = j;
          values[count++] = weight(list.similarities()[e]);
        }
        rowStart[i + 1] = count;
      }
      double[] degree = new double[m];
      for (int i = 0; i < m; i++) {
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
          degree[i] += values[e];
        }
      }
      for (int i = 0; i < m; i++) {
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
          double norm = Math.sqrt(degree[i] * degree[columns[e]]);
          values[e] = norm > 0 ? values[e] / norm : 0;
        }
      }
      return new Adjacency(rowStart, columns, values);
    }

    void multiply(double[] x, double[] out) {
      for (int i = 0; i < out.length; i++) {
        double sum = 0;
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
          sum += values[e] * x[columns[e]];
        }
        out[i] = sum;
      }
    }

    private static int position(long[] byNode, int node) {
      int lo = 0;
      int hi = byNode.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int at = (int) (byNode[mid] >>> 32);
        if (at < node) {
          lo = mid + 1;
        } else if (at > node) {
          hi = mid - 1;
        } else {
          return (int) byNode[mid];
        }
      }
      return -1;
    }

    private static boolean listed(Neighbours list, int node) {
      for (int n : list.nodes()) {
        if (n == node) {
          return true;
        }
      }
      return false;
    }
  }
}
