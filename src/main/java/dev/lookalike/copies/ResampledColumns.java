package dev.lookalike.copies;

import java.util.function.IntToDoubleFunction;

/**
 * Every row of a query's detail resampled onto one column span of a candidate, with each row's sum,
 * sum of squares and product with the next row. An upright window of the span blends two of these
 * rows per window row, so its sum and sum of squares follow from these in a few operations per row,
 * before any of its values is written.
 *
 * @param values row-major {@code height × width}; zero outside the span's columns
 * @param sums each row's sum over the span
 * @param squares each row's sum of squares
 * @param products each row's sum of products with the next row (the last row's is 0)
 */
record ResampledColumns(float[] values, double[] sums, double[] squares, double[] products) {

  /**
   * @param position where column {@code c} of the candidate falls in the query, in query pixels
   */
  static ResampledColumns of(
      float[] detail, int width, int height, int first, int end, IntToDoubleFunction position) {
    float[] values = new float[width * height];
    for (int c = first; c < end; c++) {
      double qx = Math.max(0, Math.min(width - 1, position.applyAsDouble(c)));
      int x = Math.min(width - 2, (int) qx);
      float fx = (float) (qx - x);
      for (int y = 0; y < height; y++) {
        int at = y * width + x;
        values[y * width + c] = detail[at] + fx * (detail[at + 1] - detail[at]);
      }
    }
    double[] sums = new double[height];
    double[] squares = new double[height];
    double[] products = new double[height];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int c = first; c < end; c++) {
        double value = values[row + c];
        sums[y] += value;
        squares[y] += value * value;
        if (y + 1 < height) {
          products[y] += value * values[row + width + c];
        }
      }
    }
    return new ResampledColumns(values, sums, squares, products);
  }

  /** The sum over the span of row {@code y} blended with row {@code y + 1} at weight {@code f}. */
  double blendedSum(int y, float f) {
    return (1 - f) * sums[y] + f * sums[y + 1];
  }

  /** The sum of squares over the span of that blend. */
  double blendedSquares(int y, float f) {
    double a = 1 - f;
    double b = f;
    return a * a * squares[y] + 2 * a * b * products[y] + b * b * squares[y + 1];
  }
}
