package dev.lookalike.copies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A query's detail laid over every window of one grid of crops of a candidate: windows keeping
 * 85–100 % of each side of the candidate, their sides and starts a fixed step apart. Each window is
 * a whole plane (zero outside the window, zero mean and unit length inside), so that its
 * correlation with a candidate is one vectorised dot product. Windows are built when first asked
 * for, and kept.
 *
 * <p>A window is placed by four grid steps: its row span's side and start, and its column span's. A
 * grid with half the step holds every window of this one at twice the steps ({@link #index}), so
 * that a search can start coarse and look closer only around the windows that matched best.
 */
final class QueryWindows {

  /** The smallest window side, as a fraction of the candidate's: copies keep 85 % or more. */
  private static final double SMALLEST_SIDE = 0.85;

  /** The query over one window of the candidate, as a plane the candidate's size. */
  record Window(int row0, int row1, int col0, int col1, float[] values) {}

  private final int width;
  private final int height;
  private final float[] detail;
  private final int sides;
  private final List<Span> rowSpans;
  private final List<Span> colSpans;

  /** Where each (side steps, start steps) pair's span is in the span lists; -1 where none. */
  private final int[][] spanIndex;

  /** The upright windows built so far, row span by column span; null where the query is flat. */
  private final Window[] upright;

  private final boolean[] built;

  /** The turned windows built so far, by upright window and turn. */
  private final Window[][] turned;

  /**
   * Per column span, built when first needed: every row of the query resampled onto the span's
   * columns. The upright windows of one column span share it and only interpolate between rows.
   */
  private final float[][] resampledColumns;

  /**
   * @param detail the query's {@link Detail}, row-major {@code height × width}
   * @param step how far apart window sides and starts are, as a fraction of the candidate's side
   */
  QueryWindows(float[] detail, int width, int height, double step) {
    this.width = width;
    this.height = height;
    this.detail = detail;
    this.sides = (int) Math.round((1 - SMALLEST_SIDE) / step);
    this.rowSpans = spans(height, step, sides);
    this.colSpans = spans(width, step, sides);
    this.spanIndex = new int[sides + 1][sides + 1];
    for (int[] row : spanIndex) {
      Arrays.fill(row, -1);
    }
    for (int i = 0; i < rowSpans.size(); i++) {
      spanIndex[rowSpans.get(i).sideSteps][rowSpans.get(i).startSteps] = i;
    }
    this.upright = new Window[rowSpans.size() * colSpans.size()];
    this.built = new boolean[upright.length];
    this.turned = new Window[upright.length][];
    this.resampledColumns = new float[colSpans.size()][];
  }

  int size() {
    return upright.length;
  }

  Window upright(int index) {
    if (!built[index]) {
      upright[index] = window(index, 0);
      built[index] = true;
    }
    return upright[index];
  }

  /**
   * The window whose row span has {@code rowSide} and {@code rowStart} steps and whose column span
   * has {@code colSide} and {@code colStart}; -1 when the grid has no such window.
   */
  int index(int rowSide, int rowStart, int colSide, int colStart) {
    int row = span(rowSide, rowStart);
    int col = span(colSide, colStart);
    return row < 0 || col < 0 ? -1 : row * colSpans.size() + col;
  }

  /** Window {@code index}'s steps: row side, row start, column side, column start. */
  int[] steps(int index) {
    Span row = rowSpans.get(index / colSpans.size());
    Span col = colSpans.get(index % colSpans.size());
    return new int[] {row.sideSteps, row.startSteps, col.sideSteps, col.startSteps};
  }

  private int span(int sideSteps, int startSteps) {
    boolean valid =
        sideSteps >= 0 && sideSteps <= sides && startSteps >= 0 && startSteps <= sides - sideSteps;
    return valid ? spanIndex[sideSteps][startSteps] : -1;
  }

  /** Window {@code index} turned by each of {@code angles} (radians) about its centre. */
  Window[] turned(int index, double[] angles) {
    if (turned[index] == null) {
      Window[] windows = new Window[angles.length];
      for (int t = 0; t < angles.length; t++) {
        windows[t] = window(index, angles[t]);
      }
      turned[index] = windows;
    }
    return turned[index];
  }

  /** One side's placement of a window: the pixels it covers and the part of the query they see. */
  private record Span(
      int sideSteps, int startSteps, int first, int end, double start, double side) {

    /** Where pixel {@code i} of the candidate falls in the query, in query pixels (unturned). */
    double query(int i, int pixels) {
      return ((i + 0.5) / pixels - start) / side * pixels - 0.5;
    }
  }

  /** The windows of one axis: each side from the smallest to 1, started every {@code step}. */
  private static List<Span> spans(int pixels, double step, int sides) {
    List<Span> spans = new ArrayList<>();
    for (int s = 0; s <= sides; s++) {
      double side = SMALLEST_SIDE + s * step;
      for (int k = 0; k <= sides - s; k++) {
        double start = k * step;
        // Pixel i (centre (i + 0.5) / pixels) is in the window when start ≤ centre ≤ start + side.
        int first = (int) Math.ceil(start * pixels - 0.5 - 1e-9);
        int end = (int) Math.floor((start + side) * pixels - 0.5 + 1e-9) + 1;
        spans.add(new Span(s, k, Math.max(0, first), Math.min(pixels, end), start, side));
      }
    }
    return spans;
  }

  /**
   * The query's detail resampled onto a window's pixels, turned, normalised; null when flat. The
   * resampling also sums the values, in the order a separate pass would, for the mean.
   */
  private Window window(int index, double angle) {
    Span rows = rowSpans.get(index / colSpans.size());
    int col = index % colSpans.size();
    Span cols = colSpans.get(col);
    float[] values = new float[width * height];
    double sum = angle == 0 ? upright(values, rows, col) : turned(values, rows, cols, angle);
    double mean = sum / ((rows.end - rows.first) * (cols.end - cols.first));
    double norm = 0;
    for (int r = rows.first; r < rows.end; r++) {
      for (int c = cols.first; c < cols.end; c++) {
        values[r * width + c] -= (float) mean;
        norm += values[r * width + c] * values[r * width + c];
      }
    }
    if (norm <= 1e-12) {
      return null;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int r = rows.first; r < rows.end; r++) {
      for (int c = cols.first; c < cols.end; c++) {
        values[r * width + c] *= scale;
      }
    }
    return new Window(rows.first, rows.end, cols.first, cols.end, values);
  }

  /**
   * The query resampled onto an upright window. Bilinear resampling is separable: the columns are
   * resampled once per column span ({@link #resampledColumns}), shared by the windows of every row
   * span, so a window only interpolates between two of those rows per pixel. The arithmetic is the
   * per-pixel form's, so the values are the same to the bit. Writes the window's pixels of {@code
   * values} and returns their sum.
   */
  private double upright(float[] values, Span rows, int col) {
    Span cols = colSpans.get(col);
    float[] columns = resampledColumns(col);
    double sum = 0;
    for (int r = rows.first; r < rows.end; r++) {
      double qy = Math.max(0, Math.min(height - 1, rows.query(r, height)));
      int y0 = Math.min(height - 2, (int) qy);
      float fy = (float) (qy - y0);
      int top = y0 * width;
      int bottom = top + width;
      for (int c = cols.first; c < cols.end; c++) {
        float upper = columns[top + c];
        values[r * width + c] = upper + fy * (columns[bottom + c] - upper);
        sum += values[r * width + c];
      }
    }
    return sum;
  }

  /** Every row of the query's detail resampled onto column span {@code col}'s columns. */
  private float[] resampledColumns(int col) {
    if (resampledColumns[col] == null) {
      Span cols = colSpans.get(col);
      float[] columns = new float[width * height];
      for (int c = cols.first; c < cols.end; c++) {
        double qx = Math.max(0, Math.min(width - 1, cols.query(c, width)));
        int x = Math.min(width - 2, (int) qx);
        float fx = (float) (qx - x);
        for (int y = 0; y < height; y++) {
          int at = y * width + x;
          columns[y * width + c] = detail[at] + fx * (detail[at + 1] - detail[at]);
        }
      }
      resampledColumns[col] = columns;
    }
    return resampledColumns[col];
  }

  /**
   * The query resampled onto a window turned by {@code angle} about its centre: writes the window's
   * pixels of {@code values} and returns their sum.
   */
  private double turned(float[] values, Span rows, Span cols, double angle) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double sum = 0;
    // The window's point (u, v) from its centre, turned by the angle, in query pixels: linear in
    // the column, so each row starts at its first column and steps.
    double du = 1.0 / (width * cols.side);
    double u0 = ((cols.first + 0.5) / width - cols.start) / cols.side - 0.5;
    for (int r = rows.first; r < rows.end; r++) {
      double v = ((r + 0.5) / height - rows.start) / rows.side - 0.5;
      double qx = (0.5 + cos * u0 - sin * v) * width - 0.5;
      double qy = (0.5 + sin * u0 + cos * v) * height - 0.5;
      double stepX = cos * du * width;
      double stepY = sin * du * height;
      for (int c = cols.first; c < cols.end; c++) {
        values[r * width + c] = sample(qy, qx);
        sum += values[r * width + c];
        qx += stepX;
        qy += stepY;
      }
    }
    return sum;
  }

  /** Bilinear sample of the detail plane; positions outside take the edge. */
  private float sample(double y, double x) {
    y = Math.max(0, Math.min(height - 1, y));
    x = Math.max(0, Math.min(width - 1, x));
    int y0 = (int) y;
    int x0 = (int) x;
    int y1 = Math.min(height - 1, y0 + 1);
    int x1 = Math.min(width - 1, x0 + 1);
    double fy = y - y0;
    double fx = x - x0;
    double top = detail[y0 * width + x0] * (1 - fx) + detail[y0 * width + x1] * fx;
    double bottom = detail[y1 * width + x0] * (1 - fx) + detail[y1 * width + x1] * fx;
    return (float) (top * (1 - fy) + bottom * fy);
  }
}
