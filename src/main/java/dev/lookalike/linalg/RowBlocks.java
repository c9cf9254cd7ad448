package dev.lookalike.linalg;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Sums a matrix-valued function over rows in parallel, deterministically: the rows are cut into
 * fixed ranges, each range's partial matrix is computed on its own thread, and the partials are
 * added in range order, so the result does not depend on scheduling.
 */
final class RowBlocks {

  /** The partial matrix of rows {@code [from, to)}. */
  interface RangeSum {
    double[][] over(int from, int to);
  }

  private RowBlocks() {}

  /** The sum over {@code parts} ranges of {@code 0..rows-1} ({@code parts} at least 1). */
  static double[][] sum(int rows, int parts, RangeSum partial) {
    List<double[][]> partials =
        IntStream.range(0, parts)
            .parallel()
            .mapToObj(
                p ->
                    partial.over(
                        (int) ((long) p * rows / parts), (int) ((long) (p + 1) * rows / parts)))
            .toList();
    double[][] total = partials.get(0);
    for (int p = 1; p < parts; p++) {
      double[][] part = partials.get(p);
      for (int a = 0; a < total.length; a++) {
        for (int b = 0; b < total[a].length; b++) {
          total[a][b] += part[a][b];
        }
      }
    }
    return total;
  }
}
