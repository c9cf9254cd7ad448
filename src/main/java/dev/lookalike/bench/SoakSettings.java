package dev.lookalike.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What a soak run does.
 *
 * @param idle how long searches run alone first, to measure the idle latency
 * @param duration how long searches, adds and deletes then run together
 * @param searchers concurrent search clients
 * @param writers concurrent clients that add (and sometimes delete)
 * @param deleteShare after each acknowledged add, the chance a writer deletes an acknowledged image
 * @param interval how often a line is reported
 * @param serverPid the server's process on this machine, whose resident memory is reported
 */
public record SoakSettings(
    Duration idle,
    Duration duration,
    int searchers,
    int writers,
    double deleteShare,
    Duration interval,
    OptionalLong serverPid) {

  public SoakSettings {
    if (idle.isNegative() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "the soak needs a positive duration and a non-negative idle");
    }
    if (searchers < 1 || writers < 0) {
      throw new IllegalArgumentException("at least one searcher; writers must not be negative");
    }
    if (!(deleteShare >= 0 && deleteShare <= 1)) {
      throw new IllegalArgumentException("the delete share must be in [0, 1], got " + deleteShare);
    }
    if (interval.toMillis() < 100) {
      throw new IllegalArgumentException("the report interval must be at least 100 ms");
    }
  }
}
