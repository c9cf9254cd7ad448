package dev.lookalike.copies;

import dev.lookalike.image.FloatImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * How well a candidate explains a query as an edited copy of it: the best normalised
 * cross-correlation of their {@linkplain Detail detail} over a grid of crops of the candidate. A
 * copy is usually a crop of its original (trimmed, reframed) scaled back to full size, with its
 * light changed and its pixels softened; so the query is laid over each window of the candidate
 * that keeps 85–100 % of each side, upright ({@link #score}) and turned a little either way ({@link
 * #refined}); the window where the two correlate best gives the score. Correlation ignores
 * brightness and contrast, the grid absorbs crops and small turns, and blur or recompression cost a
 * little correlation, not the match.
 *
 * <p>The query's side is prepared once ({@link #AlignedMatch(FloatImage)}); each candidate then
 * costs one pass of sums plus a dot product per window (100 upright windows at 28×28: ~70,000
 * multiply-adds; three times that refined).
 */
public final class AlignedMatch {

  /** The window sides tried, as fractions of the candidate's side. */
  private static final double[] SIDES = {0.85, 0.90, 0.95, 1.0};

  /** How far apart the windows of one side start, as a fraction of the candidate's side. */
  private static final double STEP = 0.05;

  /**
   * The turns tried besides none, in radians. Copies turned by up to 5°: ±3° found as many
   * originals as ±2° and ±4° together on the validation split, and a finer grid of windows (every
   * 0.025) fewer than the turns.
   */
  private static final double[] TURNS = {Math.toRadians(-3), Math.toRadians(3)};

  /**
   * How many of a candidate's best upright windows are tried turned: on the validation split, 16
   * found as many originals as turning all 100 (3 found 1 % fewer), at a small part of the cost.
   */
  private static final int TURNED_WINDOWS = 16;

  private final int width;
  private final int height;
  private final float[] detail;
  private final List<Span> rowSpans;
  private final List<Span> colSpans;

  /** The query over each upright window, row span by column span; null where it is flat. */
  private final Window[] upright;

  /** The turned windows built so far, by upright window and turn (most are never needed). */
  private final Window[][] turned;

  /**
   * The query laid over one window of the candidate: zero mean and unit length inside the window,
   * zero outside it, as a whole plane so that the correlation is one vectorised dot product.
   */
  private record Window(int row0, int row1, int col0, int col1, float[] values) {}

  /**
   * A candidate's detail with its running sums, and the upright windows where it matched best.
   *
   * @param score the best correlation over the upright windows
   */
  public record Candidate(
      float score, float[] detail, double[] sums, double[] squares, int[] bestWindows) {}

  public AlignedMatch(FloatImage query) {
    this.width = query.width();
    this.height = query.height();
    this.detail = Detail.of(query);
    this.rowSpans = spans(height);
    this.colSpans = spans(width);
    this.upright = new Window[rowSpans.size() * colSpans.size()];
    this.turned = new Window[upright.length][];
    for (int i = 0; i < upright.length; i++) {
      upright[i] = window(i, 0);
    }
  }

  /**
   * The quick score: the best correlation over the upright windows, in [-1, 1] (0 when either image
   * is flat), which picks the candidates that deserve {@link #refined}.
   *
   * @throws IllegalArgumentException when the candidate's size is not the query's
   */
  public Candidate score(FloatImage candidate) {
    if (candidate.width() != width || candidate.height() != height) {
      throw new IllegalArgumentException(
          String.format(
              "a candidate must have the query's size %dx%d, got %dx%d",
              width, height, candidate.width(), candidate.height()));
    }
    float[] pixels = Detail.of(candidate);
    double[] sums = integral(pixels, false);
    double[] squares = integral(pixels, true);
    int[] best = new int[TURNED_WINDOWS];
    float[] bestScores = new float[TURNED_WINDOWS];
    Arrays.fill(best, -1);
    for (int i = 0; i < upright.length; i++) {
      float correlation = correlation(upright[i], pixels, sums, squares);
      // Keep the few best windows, best first (an insertion into a short sorted array).
      for (int slot = 0; slot < TURNED_WINDOWS; slot++) {
        if (best[slot] < 0 || correlation > bestScores[slot]) {
          System.arraycopy(best, slot, best, slot + 1, TURNED_WINDOWS - slot - 1);
          System.arraycopy(bestScores, slot, bestScores, slot + 1, TURNED_WINDOWS - slot - 1);
          best[slot] = i;
          bestScores[slot] = correlation;
          break;
        }
      }
    }
    return new Candidate(Math.max(0, bestScores[0]), pixels, sums, squares, best);
  }

  /**
   * The best correlation once the candidate's best upright windows are also tried turned a little
   * either way: at least its {@linkplain Candidate#score() quick score}.
   */
  public float refined(Candidate candidate) {
    float best = candidate.score();
    for (int i : candidate.bestWindows()) {
      if (i < 0) {
        continue;
      }
      if (turned[i] == null) {
        turned[i] = new Window[TURNS.length];
        for (int t = 0; t < TURNS.length; t++) {
          turned[i][t] = window(i, TURNS[t]);
        }
      }
      for (Window window : turned[i]) {
        best =
            Math.max(
                best,
                correlation(window, candidate.detail(), candidate.sums(), candidate.squares()));
      }
    }
    return best;
  }

  /** The normalised correlation over one window; 0 where either side is flat. */
  private float correlation(Window window, float[] pixels, double[] sums, double[] squares) {
    if (window == null) {
      return 0;
    }
    int n = (window.row1 - window.row0) * (window.col1 - window.col0);
    double sum = rectangle(sums, window);
    double spread = rectangle(squares, window) - sum * sum / n;
    return spread > 1e-12
        ? (float) (VectorUtil.dotProduct(window.values, pixels) / Math.sqrt(spread))
        : 0;
  }

  /** One side's placement of a window: the pixels it covers and the part of the query they see. */
  private record Span(int first, int end, double start, double side) {

    /** Where pixel {@code i} of the candidate falls in the query, in query pixels (unturned). */
    double query(int i, int pixels) {
      return ((i + 0.5) / pixels - start) / side * pixels - 0.5;
    }
  }

  /** The windows of one axis: each side in {@link #SIDES}, started every {@link #STEP}. */
  private static List<Span> spans(int pixels) {
    List<Span> spans = new ArrayList<>();
    for (double side : SIDES) {
      for (double start = 0; start <= 1 - side + 1e-9; start += STEP) {
        // Pixel i (centre (i + 0.5) / pixels) is in the window when start ≤ centre ≤ start + side.
        int first = (int) Math.ceil(start * pixels - 0.5 - 1e-9);
        int end = (int) Math.floor((start + side) * pixels - 0.5 + 1e-9) + 1;
        spans.add(new Span(Math.max(0, first), Math.min(pixels, end), start, side));
      }
    }
    return spans;
  }

  /** The query's detail resampled onto a window's pixels, turned, normalised; null when flat. */
  private Window window(int index, double angle) {
    Span rows = rowSpans.get(index / colSpans.size());
    Span cols = colSpans.get(index % colSpans.size());
    float[] values = angle == 0 ? upright(rows, cols) : turned(rows, cols, angle);
    double mean = 0;
    for (int r = rows.first; r < rows.end; r++) {
      for (int c = cols.first; c < cols.end; c++) {
        mean += values[r * width + c];
      }
    }
    mean /= (rows.end - rows.first) * (cols.end - cols.first);
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
    for (int i = 0; i < values.length; i++) {
      values[i] *= scale;
    }
    return new Window(rows.first, rows.end, cols.first, cols.end, values);
  }

  /**
   * The query resampled onto an upright window: each axis on its own, so the bilinear weights are
   * worked out once per row and per column instead of once per pixel.
   */
  private float[] upright(Span rows, Span cols) {
    float[] values = new float[width * height];
    int[] x0 = new int[width];
    float[] fx = new float[width];
    for (int c = cols.first; c < cols.end; c++) {
      double qx = Math.max(0, Math.min(width - 1, cols.query(c, width)));
      x0[c] = Math.min(width - 2, (int) qx);
      fx[c] = (float) (qx - x0[c]);
    }
    for (int r = rows.first; r < rows.end; r++) {
      double qy = Math.max(0, Math.min(height - 1, rows.query(r, height)));
      int y0 = Math.min(height - 2, (int) qy);
      float fy = (float) (qy - y0);
      int top = y0 * width;
      int bottom = top + width;
      for (int c = cols.first; c < cols.end; c++) {
        int x = x0[c];
        float upper = detail[top + x] + fx[c] * (detail[top + x + 1] - detail[top + x]);
        float lower = detail[bottom + x] + fx[c] * (detail[bottom + x + 1] - detail[bottom + x]);
        values[r * width + c] = upper + fy * (lower - upper);
      }
    }
    return values;
  }

  /** The query resampled onto a window turned by {@code angle} about its centre. */
  private float[] turned(Span rows, Span cols, double angle) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    float[] values = new float[width * height];
    for (int r = rows.first; r < rows.end; r++) {
      double v = (r + 0.5) / height;
      v = (v - rows.start) / rows.side - 0.5;
      for (int c = cols.first; c < cols.end; c++) {
        double u = ((c + 0.5) / width - cols.start) / cols.side - 0.5;
        // The window's point (u, v) from its centre, turned by the angle, in query pixels.
        double qx = (0.5 + cos * u - sin * v) * width - 0.5;
        double qy = (0.5 + sin * u + cos * v) * height - 0.5;
        values[r * width + c] = sample(qy, qx);
      }
    }
    return values;
  }

  /** Bilinear sample of a {@code height × width} plane; positions outside take the edge. */
  private float sample(double y, double x) {
    float[] plane = detail;
    y = Math.max(0, Math.min(height - 1, y));
    x = Math.max(0, Math.min(width - 1, x));
    int y0 = (int) y;
    int x0 = (int) x;
    int y1 = Math.min(height - 1, y0 + 1);
    int x1 = Math.min(width - 1, x0 + 1);
    double fy = y - y0;
    double fx = x - x0;
    double top = plane[y0 * width + x0] * (1 - fx) + plane[y0 * width + x1] * fx;
    double bottom = plane[y1 * width + x0] * (1 - fx) + plane[y1 * width + x1] * fx;
    return (float) (top * (1 - fy) + bottom * fy);
  }

  /** A summed-area table with a zero row and column in front, of the values or their squares. */
  private double[] integral(float[] plane, boolean squared) {
    int stride = width + 1;
    double[] table = new double[(height + 1) * stride];
    for (int y = 0; y < height; y++) {
      double row = 0;
      for (int x = 0; x < width; x++) {
        double v = plane[y * width + x];
        row += squared ? v * v : v;
        table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
      }
    }
    return table;
  }

  private double rectangle(double[] table, Window window) {
    int stride = width + 1;
    return table[window.row1 * stride + window.col1]
        - table[window.row0 * stride + window.col1]
        - table[window.row1 * stride + window.col0]
        + table[window.row0 * stride + window.col0];
  }
}
