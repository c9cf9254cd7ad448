package dev.lookalike.bench;

import java.util.Arrays;

/**
 * What one closed-loop run measured.
 *
 * @param warmedUp untimed requests sent before the timed ones
 * @param requests requests timed (warm-up excluded)
 * @param errors responses other than 200, and failed requests
 * @param seconds wall time of the timed requests
 * @param p50Ms median latency
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs slowest request
 */
public record LatencyReport(
    int warmedUp,
    int requests,
    int errors,
    double seconds,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs) {

  /** Percentiles of the latencies (nanoseconds) by the nearest-rank method. */
  static LatencyReport of(int warmedUp, long[] nanos, int errors, double seconds) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencyReport(
        warmedUp,
        sorted.length,
        errors,
        seconds,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  public double throughput() {
    return requests / seconds;
  }
}
