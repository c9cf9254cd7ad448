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
 * @param addRate adds per second each writer starts at most (paced to a schedule, so a slow answer
 *     is caught up on), or 0 for one add after another
 * @param interval how often a line is reported
 * @param serverPid the server's process on this machine, whose resident memory is reported
 */
public record SoakSettings(
    Duration idle,
    Duration duration,
    int searchers,
    int writers,
    double deleteShare,
    double addRate,
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
    if (!(addRate >= 0) || Double.isInfinite(addRate)) {
      throw new IllegalArgumentException("the add rate must be 0 or positive, got " + addRate);
    }
    if (interval.toMillis() < 100) {
      throw new IllegalArgumentException("the report interval must be at least 100 ms");
    }
  }
}
