package dev.lookalike.bench;

import java.util.Arrays;

/** What a soak's clients did, per interval and in all; thread-safe. */
final class SoakRecorder {

  private long[] interval = new long[1024];
  private int intervalSearches;
  private int adds;
  private int deletes;
  private int errors;
  private long totalAdds;
  private long totalDeletes;
  private long totalErrors;
  private final LongList idle = new LongList();
  private final LongList loaded = new LongList();
  private boolean loadedPhase;

  synchronized void search(long nanos, boolean ok) {
    if (!ok) {
      error();
      return;
    }
    if (intervalSearches == interval.length) {
      interval = Arrays.copyOf(interval, interval.length * 2);
    }
    interval[intervalSearches++] = nanos;
    (loadedPhase ? loaded : idle).add(nanos);
  }

  synchronized void add() {
    adds++;
    totalAdds++;
  }

  synchronized void delete() {
    deletes++;
    totalDeletes++;
  }

  synchronized void error() {
    errors++;
    totalErrors++;
  }

  /** From now on adds and deletes run: later searches count as loaded. */
  synchronized void loaded() {
    loadedPhase = true;
  }

  /** The interval's figures, labelled with the phase at its end; the next starts empty. */
  synchronized SoakReport.Interval drain(double seconds, long rssBytes) {
    long[] sorted = Arrays.copyOf(interval, intervalSearches);
    Arrays.sort(sorted);
    SoakReport.Interval done =
        new SoakReport.Interval(
            seconds,
            loadedPhase,
            intervalSearches,
            LatencyReport.percentile(sorted, 50),
            LatencyReport.percentile(sorted, 99),
            adds,
            deletes,
            errors,
            rssBytes);
    intervalSearches = 0;
    adds = 0;
    deletes = 0;
    errors = 0;
    return done;
  }

  synchronized double p99Ms(boolean loadedPhase) {
    long[] sorted = (loadedPhase ? loaded : idle).toArray();
    Arrays.sort(sorted);
    return LatencyReport.percentile(sorted, 99);
  }

  synchronized long totalAdds() {
    return totalAdds;
  }

  synchronized long totalDeletes() {
    return totalDeletes;
  }

  synchronized long totalErrors() {
    return totalErrors;
  }

  /** A growable list of longs without boxing. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
