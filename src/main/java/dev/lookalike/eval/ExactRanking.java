package dev.lookalike.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.codes.BinaryCodes;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Brute-force top-k rankings of a database for many queries: the ground truth the approximate
 * searches are measured against. Dense distances are computed as matrix products in the tensor
 * engine (a 2,000 x 60,000 x 784 product is seconds there, minutes in scalar Java).
 */
public final class ExactRanking {

  private static final int QUERY_BLOCK = 256;

  private final NDManager manager;

  public ExactRanking(NDManager manager) {
    this.manager = manager;
  }

  /** Top k database rows by squared Euclidean distance, ties by database order. */
  public int[][] byL2(float[][] database, float[][] queries, int k) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray db = matrix(scope, database);
      NDArray norms = db.square().sum(new int[] {1});
      return rank(scope, db, queries, k, product -> norms.sub(product.mul(2f)));
    }
  }

  /**
   * Top k database rows by cosine similarity (rows are normalised here), ties by database order.
   */
  public int[][] byCosine(float[][] database, float[][] queries, int k) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray db = normalise(matrix(scope, database));
      return rank(scope, db, normaliseRows(queries), k, NDArray::neg);
    }
  }

  /** Top k database codes by Hamming distance, ties by database order. */
  public static int[][] byHamming(long[][] database, long[][] queries, int k) {
    int[][] result = new int[queries.length][];
    int[] distances = new int[database.length];
    for (int q = 0; q < queries.length; q++) {
      for (int i = 0; i < database.length; i++) {
        distances[i] = BinaryCodes.hamming(queries[q], database[i]);
      }
      result[q] = TopK.smallestHamming(distances, Math.min(k, database.length));
    }
    return result;
  }

  private int[][] rank(
      NDManager scope,
      NDArray db,
      float[][] queries,
      int k,
      UnaryOperator<NDArray> distanceFromProduct) {
    int n = (int) db.getShape().get(0);
    int top = Math.min(k, n);
    NDArray dbT = db.transpose();
    int[][] result = new int[queries.length][];
    for (int from = 0; from < queries.length; from += QUERY_BLOCK) {
      int to = Math.min(queries.length, from + QUERY_BLOCK);
      try (NDManager block = scope.newSubManager()) {
        float[][] slice = Arrays.copyOfRange(queries, from, to);
        NDArray distances = distanceFromProduct.apply(matrix(block, slice).matMul(dbT));
        float[] flat = distances.toFloatArray();
        float[] row = new float[n];
        for (int q = from; q < to; q++) {
          System.arraycopy(flat, (q - from) * n, row, 0, n);
          result[q] = TopK.smallest(row, top);
        }
      }
    }
    return result;
  }

  private static NDArray matrix(NDManager manager, float[][] rows) {
    int d = rows[0].length;
    float[] flat = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return manager.create(flat, new Shape(rows.length, d));
  }

  private static NDArray normalise(NDArray rows) {
    return rows.div(rows.norm(new int[] {1}, true).maximum(1e-12f));
  }

  private static float[][] normaliseRows(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double norm = 0;
      for (float v : rows[i]) {
        norm += (double) v * v;
      }
      float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
      out[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = rows[i][j] * scale;
      }
    }
    return out;
  }
}
