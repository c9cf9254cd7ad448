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

  /** A window whose values' squared deviations sum to no more than this is flat. */
  private static final double FLAT = 1e-12;

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
  private final ResampledColumns[] resampledColumns;

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
    this.resampledColumns = new ResampledColumns[colSpans.size()];
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

  /** How a window's values are centred and scaled to zero mean and unit length. */
  private record Normaliser(float shift, float scale) {

    /** From the window's sum and sum of squares over its {@code n} values; null when flat. */
    static Normaliser of(double sum, double squares, int n) {
      double mean = sum / n;
      double spread = squares - sum * mean;
      return spread <= FLAT ? null : new Normaliser((float) mean, (float) (1 / Math.sqrt(spread)));
    }
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
   * The query's detail resampled onto a window's pixels, turned, normalised (zero mean, unit
   * length); null when flat.
   */
  private Window window(int index, double angle) {
    Span rows = rowSpans.get(index / colSpans.size());
    int col = index % colSpans.size();
    return angle == 0 ? upright(rows, col) : turned(rows, colSpans.get(col), angle);
  }

  /**
   * The query resampled onto an upright window in one pass. Bilinear resampling is separable: the
   * columns are resampled once per column span ({@link ResampledColumns}), shared by the windows of
   * every row span, so a window row is a blend of two of those rows; the window's sum and sum of
   * squares follow from the rows' own sums and products, so each value is written once, already
   * normalised.
   */
  private Window upright(Span rows, int col) {
    Span cols = colSpans.get(col);
    ResampledColumns columns = resampledColumns(col);
    int n = (rows.end - rows.first) * (cols.end - cols.first);
    int[] upper = new int[rows.end - rows.first];
    float[] weight = new float[upper.length];
    double sum = 0;
    double squares = 0;
    for (int r = rows.first; r < rows.end; r++) {
      double qy = Math.max(0, Math.min(height - 1, rows.query(r, height)));
      int y0 = Math.min(height - 2, (int) qy);
      float fy = (float) (qy - y0);
      upper[r - rows.first] = y0;
      weight[r - rows.first] = fy;
      sum += columns.blendedSum(y0, fy);
      squares += columns.blendedSquares(y0, fy);
    }
    Normaliser normaliser = Normaliser.of(sum, squares, n);
    if (normaliser == null) {
      return null;
    }
    float shift = normaliser.shift();
    float scale = normaliser.scale();
    float[] values = new float[width * height];
    float[] resampled = columns.values();
    for (int r = rows.first; r < rows.end; r++) {
      float fy = weight[r - rows.first];
      int top = upper[r - rows.first] * width;
      int bottom = top + width;
      int at = r * width;
      for (int c = cols.first; c < cols.end; c++) {
        float above = resampled[top + c];
        values[at + c] = (above + fy * (resampled[bottom + c] - above) - shift) * scale;
      }
    }
    return new Window(rows.first, rows.end, cols.first, cols.end, values);
  }

  private ResampledColumns resampledColumns(int col) {
    if (resampledColumns[col] == null) {
      Span cols = colSpans.get(col);
      resampledColumns[col] =
          ResampledColumns.of(
              detail, width, height, cols.first, cols.end, c -> cols.query(c, width));
    }
    return resampledColumns[col];
  }

  /**
   * The query resampled onto a window turned by {@code angle} about its centre, then normalised in
   * place.
   */
  private Window turned(Span rows, Span cols, double angle) {
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    float[] values = new float[width * height];
    double sum = 0;
    double squares = 0;
    // The window's point (u, v) from its centre, turned by the angle, in query pixels: linear in
    // the column, so each row starts at its first column and steps.
    float du = (float) (1.0 / (width * cols.side));
    float u0 = (float) (((cols.first + 0.5) / width - cols.start) / cols.side - 0.5);
    float stepX = cos * du * width;
    float stepY = sin * du * height;
    for (int r = rows.first; r < rows.end; r++) {
      float v = (float) (((r + 0.5) / height - rows.start) / rows.side - 0.5);
      float x0 = (0.5f + cos * u0 - sin * v) * width - 0.5f;
      float y0 = (0.5f + sin * u0 + cos * v) * height - 0.5f;
      int at = r * width;
      for (int c = cols.first; c < cols.end; c++) {
        int step = c - cols.first;
        float value = sample(y0 + step * stepY, x0 + step * stepX);
        values[at + c] = value;
        sum += value;
        squares += value * value;
      }
    }
    Normaliser normaliser =
        Normaliser.of(sum, squares, (rows.end - rows.first) * (cols.end - cols.first));
    if (normaliser == null) {
      return null;
    }
    for (int r = rows.first; r < rows.end; r++) {
      for (int at = r * width + cols.first; at < r * width + cols.end; at++) {
        values[at] = (values[at] - normaliser.shift()) * normaliser.scale();
      }
    }
    return new Window(rows.first, rows.end, cols.first, cols.end, values);
  }

  /** Bilinear sample of the detail plane; positions outside take the edge. */
  private float sample(float y, float x) {
    if (!(x >= 0 && y >= 0 && x < width - 1 && y < height - 1)) {
      // Clamped to the edge; the last row and column blend with weight 1.
      y = Math.max(0, Math.min(height - 1, y));
      x = Math.max(0, Math.min(width - 1, x));
    }
    int y0 = Math.min(height - 2, (int) y);
    int x0 = Math.min(width - 2, (int) x);
    float fy = y - y0;
    float fx = x - x0;
    int at = y0 * width + x0;
    float top = detail[at] + fx * (detail[at + 1] - detail[at]);
    float bottom = detail[at + width] + fx * (detail[at + width + 1] - detail[at + width]);
    return top + fy * (bottom - top);
  }
}
