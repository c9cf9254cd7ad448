package dev.lookalike.cli;

import dev.lookalike.collection.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place at most a few times a second. */
final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter out;
  private final String unit;
  private final long start = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintWriter out, String unit) {
    this.out = out;
    this.unit = unit;
  }

  @Override
  public synchronized void progress(long done, long total) {
    long now = System.nanoTime();
    if (done < total && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
    double seconds = (now - start) / 1e9;
    out.printf(
        "\r[%s%s] %3d%% %d/%d %s, %.0f %s/s ",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        total == 0 ? 100 : 100 * done / total,
        done,
        total,
        unit,
        seconds == 0 ? 0 : done / seconds,
        unit);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }
}
