package dev.lookalike.copies;

import dev.lookalike.image.CopySketch;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.VectorLanes;
import dev.lookalike.index.Hit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores stored {@link CopySketch}es against a query laid over each of them as an edited copy would
 * lie over its original: the query filling a window that keeps 85–100 % of each side of the
 * original, started every 5 % (the crops {@link QueryWindows} looks for, on a coarse grid). The
 * score is the best correlation over those windows. The query is resampled into every window once;
 * a candidate then costs one dot product per window, its sums coming from running totals.
 */
final class SketchMatch {

  private static final int SIDE = CopySketch.SIDE;
  private static final double[] KEEPS = {0.85, 0.90, 0.95, 1.0};
  private static final double STEP = 0.05;

  /** Per window: first and last cell column, first and last cell row, offset into {@link #q}. */
  private final int[] windows;

  /** The query resampled into each window's cells, centred and of unit length per window. */
  private final float[] q;

  SketchMatch(FloatImage query) {
    float[] plane = CopySketch.blurredGrey(query);
    List<int[]> spans = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    for (double kx : KEEPS) {
      for (double ky : KEEPS) {
        for (double x0 = 0; x0 <= 1 - kx + 1e-9; x0 += STEP) {
          for (double y0 = 0; y0 <= 1 - ky + 1e-9; y0 += STEP) {
            int[] span = span(x0, kx, y0, ky);
            if (span != null) {
              spans.add(span);
              values.add(resampled(plane, query.width(), query.height(), span, x0, kx, y0, ky));
            }
          }
        }
      }
    }
    windows = new int[spans.size() * 5];
    q = new float[values.stream().mapToInt(v -> v.length).sum()];
    int offset = 0;
    for (int i = 0; i < spans.size(); i++) {
      System.arraycopy(spans.get(i), 0, windows, i * 5, 4);
      windows[i * 5 + 4] = offset;
      System.arraycopy(values.get(i), 0, q, offset, values.get(i).length);
      offset += values.get(i).length;
    }
  }

  /**
   * The {@code n} of {@code hits} whose sketches score best, best first; hits without one never.
   */
  List<Hit> best(List<Hit> hits, Map<String, byte[]> sketches, int n) {
    List<Hit> sketched = new ArrayList<>();
    List<byte[]> cells = new ArrayList<>();
    for (Hit hit : hits) {
      byte[] sketch = sketches.get(hit.id());
      if (sketch != null && sketch.length == SIDE * SIDE) {
        sketched.add(hit);
        cells.add(sketch);
      }
    }
    float[] scores = scores(cells);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < sketched.size(); i++) {
      order.add(i);
    }
    // a stable sort: on equal scores the dense code's order stands
    order.sort(Comparator.comparing((Integer i) -> scores[i]).reversed());
    return order.subList(0, Math.min(n, order.size())).stream().map(sketched::get).toList();
  }

  /** The best correlation of the query with the sketch over all windows, in [-1, 1]. */
  float score(byte[] sketch) {
    return scores(List.of(sketch))[0];
  }

  /**
   * {@link #score} of each sketch. All are scored together, cell-major (cell by cell, the sketches
   * side by side), so that the innermost loops run along the sketches in vector lanes: one sketch
   * at a time took a quarter of a served search's CPU.
   */
  private float[] scores(List<byte[]> sketches) {
    int m = sketches.size();
    float[] cells = new float[SIDE * SIDE * m];
    for (int j = 0; j < m; j++) {
      float[] c = CopySketch.values(sketches.get(j));
      for (int i = 0; i < c.length; i++) {
        cells[i * m + j] = c[i];
      }
    }
    int stride = SIDE + 1;
    float[] sums = new float[stride * stride * m];
    float[] squares = new float[stride * stride * m];
    float[] rowSum = new float[m];
    float[] rowSquares = new float[m];
    for (int y = 0; y < SIDE; y++) {
      Arrays.fill(rowSum, 0);
      Arrays.fill(rowSquares, 0);
      for (int x = 0; x < SIDE; x++) {
        int cell = (y * SIDE + x) * m;
        int at = ((y + 1) * stride + x + 1) * m;
        int above = (y * stride + x + 1) * m;
        for (int j = 0; j < m; j++) {
          float v = cells[cell + j];
          rowSum[j] += v;
          rowSquares[j] += v * v;
          sums[at + j] = sums[above + j] + rowSum[j];
          squares[at + j] = squares[above + j] + rowSquares[j];
        }
      }
    }
    float[] best = new float[m];
    Arrays.fill(best, -1);
    float[] dots = new float[m];
    for (int w = 0; w < windows.length; w += 5) {
      int x0 = windows[w];
      int x1 = windows[w + 1];
      int y0 = windows[w + 2];
      int y1 = windows[w + 3];
      int k = windows[w + 4];
      Arrays.fill(dots, 0);
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          VectorLanes.addScaled(dots, cells, (y * SIDE + x) * m, q[k++], m);
        }
      }
      int n = (x1 - x0 + 1) * (y1 - y0 + 1);
      int a = ((y1 + 1) * stride + x1 + 1) * m;
      int b = (y0 * stride + x1 + 1) * m;
      int c = ((y1 + 1) * stride + x0) * m;
      int d = (y0 * stride + x0) * m;
      for (int j = 0; j < m; j++) {
        float sum = sums[a + j] - sums[b + j] - sums[c + j] + sums[d + j];
        float variance =
            squares[a + j] - squares[b + j] - squares[c + j] + squares[d + j] - sum * sum / n;
        if (variance > 1e-6f) {
          best[j] = Math.max(best[j], dots[j] / (float) Math.sqrt(variance));
        }
      }
    }
    return best;
  }

  /** The cells whose centres lie inside the window, or null when fewer than two per side. */
  private static int[] span(double x0, double kx, double y0, double ky) {
    int cx0 = (int) Math.ceil(x0 * SIDE - 0.5);
    int cx1 = (int) Math.floor((x0 + kx) * SIDE - 0.5);
    int cy0 = (int) Math.ceil(y0 * SIDE - 0.5);
    int cy1 = (int) Math.floor((y0 + ky) * SIDE - 0.5);
    cx0 = Math.max(cx0, 0);
    cy0 = Math.max(cy0, 0);
    cx1 = Math.min(cx1, SIDE - 1);
    cy1 = Math.min(cy1, SIDE - 1);
    return cx1 > cx0 && cy1 > cy0 ? new int[] {cx0, cx1, cy0, cy1} : null;
  }

  /** The query stretched over the window, sampled at the span's cell centres; centred, unit. */
  private static float[] resampled(
      float[] plane, int w, int h, int[] span, double x0, double kx, double y0, double ky) {
    float[] values = new float[(span[1] - span[0] + 1) * (span[3] - span[2] + 1)];
    int i = 0;
    for (int y = span[2]; y <= span[3]; y++) {
      double v = ((y + 0.5) / SIDE - y0) / ky;
      for (int x = span[0]; x <= span[1]; x++) {
        double u = ((x + 0.5) / SIDE - x0) / kx;
        values[i++] = CopySketch.sample(plane, w, h, u * w - 0.5, v * h - 0.5);
      }
    }
    float mean = 0;
    for (float value : values) {
      mean += value;
    }
    mean /= values.length;
    float length = 0;
    for (int j = 0; j < values.length; j++) {
      values[j] -= mean;
      length += values[j] * values[j];
    }
    float scale = length > 1e-12f ? (float) (1 / Math.sqrt(length)) : 0;
    for (int j = 0; j < values.length; j++) {
      values[j] *= scale;
    }
    return values;
  }
}
