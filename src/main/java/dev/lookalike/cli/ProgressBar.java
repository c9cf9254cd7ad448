package dev.lookalike.cli;

import dev.lookalike.collection.ProgressListener;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress a person can read, on stderr: on a terminal a one-line bar redrawn in place a few times
 * a second; otherwise (a log, a pipe) a plain line every {@value #LOG_EVERY_SECONDS} seconds. Both
 * give done/total, the rate and the time left at that rate.
 */
final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LOG_EVERY_SECONDS = 10;

  private final PrintWriter out;
  private final String unit;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastDraw;

  /** A bar when stderr is a terminal, log lines otherwise. */
  ProgressBar(PrintWriter out, String unit) {
    this(out, unit, onTerminal());
  }

  ProgressBar(PrintWriter out, String unit, boolean terminal) {
    this.out = out;
    this.unit = unit;
    this.terminal = terminal;
    this.lastDraw = start;
  }

  @Override
  public synchronized void progress(long done, long total) {
    progress(done, total, System.nanoTime());
  }

  synchronized void progress(long done, long total, long now) {
    long every = terminal ? REDRAW_NANOS : LOG_EVERY_SECONDS * 1_000_000_000L;
    if (done < total && now - lastDraw < every) {
      return;
    }
    lastDraw = now;
    double seconds = (now - start) / 1e9;
    double rate = seconds == 0 ? 0 : done / seconds;
    long percent = total == 0 ? 100 : 100 * done / total;
    String status =
        String.format(
            Locale.ROOT,
            "%d/%d %s (%d%%), %.0f %s/s, %s",
            done,
            total,
            unit,
            percent,
            rate,
            unit,
            done >= total ? "done in " + duration(seconds) : "ETA " + eta(total - done, rate));
    if (terminal) {
      int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
      out.printf("\r[%s%s] %s ", "#".repeat(filled), "-".repeat(WIDTH - filled), status);
      if (done >= total) {
        out.println();
      }
    } else {
      out.println(status);
    }
    out.flush();
  }

  /**
   * Whether the process runs on a terminal. From JDK 22 a console exists for pipes too and says
   * whether it is a terminal; JDK 21 (the release this is compiled for) has one only on a terminal.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static String eta(long left, double rate) {
    return rate == 0 ? "unknown" : duration(left / rate);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
