package dev.lookalike.copies;

import dev.lookalike.image.FloatImage;
import java.util.Arrays;
import org.apache.lucene.util.VectorUtil;

/**
 * How well a candidate explains a query as an edited copy of it: the best normalised
 * cross-correlation of their {@linkplain Detail detail} over a grid of crops of the candidate. A
 * copy is usually a crop of its original (trimmed, reframed) scaled back to full size, with its
 * light changed and its pixels softened; so the query is laid over each window of the candidate
 * that keeps 85–100 % of each side ({@link QueryWindows}), and the window where the two correlate
 * best gives the score. Correlation ignores brightness and contrast, the grid absorbs crops, the
 * turns small rotations, and blur or recompression cost a little correlation, not the match.
 *
 * <p>Two passes: a quick one ({@link #score}) over a coarse grid picks the candidates worth a close
 * look, and {@link #refined} lays the query over the windows of a grid twice as fine around the
 * candidate's best coarse windows, then turns it a little either way around the best of those. The
 * original's true crop falls between the coarse grid's windows; a near twin, which matches only by
 * chance, gains less from the closer fit.
 *
 * <p>The query's side is prepared once ({@link #AlignedMatch(FloatImage)}; the fine grid when first
 * needed); each candidate then costs one pass of sums plus a dot product per window.
 */
public final class AlignedMatch {

  /**
   * The coarse grid's step: sides and starts every 5 % of the candidate's side (100 windows). It
   * only has to keep the original among the candidates refined.
   */
  private static final double COARSE_STEP = 0.05;

  /**
   * The fine grid's step, 2.5 % (784 windows): on edited copies of the validation split (20,000
   * images, 1,500 copies, two seeds) the whole fine grid put the original first for 4.9 % more
   * copies than the coarse grid, which no choice of turns came near.
   */
  private static final double FINE_STEP = 0.025;

  /**
   * The turns tried besides none, in radians. Copies turned by up to 5°: ±3° found as many
   * originals as ±1.5°, ±3° and ±4.5° together on the validation split.
   */
  private static final double[] TURNS = {Math.toRadians(-3), Math.toRadians(3)};

  /**
   * How many of a candidate's best fine windows are tried turned: on the validation split, 16 found
   * as many originals as turning all of them, at a small part of the cost; with 2 expanded windows,
   * 8 found as many as 16 (1,000 copies, two seeds: one more, one fewer) at half the turns.
   */
  private static final int TURNED_WINDOWS = 8;

  /**
   * How many of a candidate's best coarse windows the fine grid looks around (within one fine step
   * of each side and start): 2, 4 and 8 found as many originals as the whole fine grid, within 0.5
   * %; 2 builds and correlates about half the fine windows 4 does.
   */
  private static final int EXPANDED_WINDOWS = 2;

  private final int width;
  private final int height;
  private final float[] detail;
  private final QueryWindows coarse;
  private QueryWindows fine;

  /**
   * A candidate's detail with its running sums.
   *
   * @param score the best correlation over the coarse grid's upright windows
   */
  public record Candidate(
      float score, float[] detail, double[] sums, double[] squares, int[] bestWindows) {}

  public AlignedMatch(FloatImage query) {
    this.width = query.width();
    this.height = query.height();
    this.detail = Detail.of(query);
    this.coarse = new QueryWindows(detail, width, height, COARSE_STEP);
  }

  /**
   * The quick score: the best correlation over the coarse grid's upright windows, in [-1, 1] (0
   * when either image is flat), which picks the candidates that deserve {@link #refined}.
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
    Candidate prepared =
        new Candidate(0, pixels, integral(pixels, false), integral(pixels, true), null);
    Best best = new Best(EXPANDED_WINDOWS);
    for (int i = 0; i < coarse.size(); i++) {
      best.offer(i, correlation(coarse.upright(i), prepared));
    }
    return new Candidate(
        Math.max(0, best.score()), pixels, prepared.sums(), prepared.squares(), best.windows());
  }

  /**
   * The best correlation over the fine grid, its best upright windows also tried turned a little
   * either way: at least the candidate's {@linkplain Candidate#score() quick score}.
   */
  public float refined(Candidate candidate) {
    if (fine == null) {
      fine = new QueryWindows(detail, width, height, FINE_STEP);
    }
    // The fine windows within one fine step, on every side and start, of the best coarse ones.
    boolean[] seen = new boolean[fine.size()];
    Best best = new Best(TURNED_WINDOWS);
    for (int coarseWindow : candidate.bestWindows()) {
      if (coarseWindow < 0) {
        continue;
      }
      int[] at = coarse.steps(coarseWindow);
      for (int neighbour = 0; neighbour < 81; neighbour++) {
        int i =
            fine.index(
                2 * at[0] + neighbour % 3 - 1,
                2 * at[1] + neighbour / 3 % 3 - 1,
                2 * at[2] + neighbour / 9 % 3 - 1,
                2 * at[3] + neighbour / 27 - 1);
        if (i >= 0 && !seen[i]) {
          seen[i] = true;
          best.offer(i, correlation(fine.upright(i), candidate));
        }
      }
    }
    float score = Math.max(candidate.score(), best.score());
    for (int i : best.windows()) {
      if (i < 0) {
        continue;
      }
      for (QueryWindows.Window window : fine.turned(i, TURNS)) {
        score = Math.max(score, correlation(window, candidate));
      }
    }
    return score;
  }

  /** The few best-scoring windows, best first (an insertion into a short sorted array). */
  private static final class Best {
    private final int[] windows;
    private final float[] scores;

    Best(int size) {
      windows = new int[size];
      scores = new float[size];
      Arrays.fill(windows, -1);
    }

    void offer(int window, float score) {
      for (int slot = 0; slot < windows.length; slot++) {
        if (windows[slot] < 0 || score > scores[slot]) {
          System.arraycopy(windows, slot, windows, slot + 1, windows.length - slot - 1);
          System.arraycopy(scores, slot, scores, slot + 1, scores.length - slot - 1);
          windows[slot] = window;
          scores[slot] = score;
          return;
        }
      }
    }

    float score() {
      return windows[0] < 0 ? 0 : scores[0];
    }

    int[] windows() {
      return windows.clone();
    }
  }

  /** The normalised correlation over one window; 0 where either side is flat. */
  private float correlation(QueryWindows.Window window, Candidate candidate) {
    if (window == null) {
      return 0;
    }
    int n = (window.row1() - window.row0()) * (window.col1() - window.col0());
    double sum = rectangle(candidate.sums(), window);
    double spread = rectangle(candidate.squares(), window) - sum * sum / n;
    return spread > 1e-12
        ? (float) (VectorUtil.dotProduct(window.values(), candidate.detail()) / Math.sqrt(spread))
        : 0;
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

  private double rectangle(double[] table, QueryWindows.Window window) {
    int stride = width + 1;
    return table[window.row1() * stride + window.col1()]
        - table[window.row0() * stride + window.col1()]
        - table[window.row1() * stride + window.col0()]
        + table[window.row0() * stride + window.col0()];
  }
}
