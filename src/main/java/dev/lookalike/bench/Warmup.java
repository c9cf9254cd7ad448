package dev.lookalike.bench;

import java.time.Duration;

/**
 * The untimed requests before a closed-loop run's timed ones: at least {@code requests} of them,
 * and more until {@code atLeast} has passed. A server's JIT goes on compiling for tens of thousands
 * of requests (the search path reaches deep into Lucene), so a count alone can time a server that
 * is still warming up.
 *
 * @param requests the fewest untimed requests
 * @param atLeast the least time spent on them; {@link Duration#ZERO} for the count alone
 */
public record Warmup(int requests, Duration atLeast) {

  /** How many requests each round of a timed warm-up sends per connection. */
  static final int ROUND_PER_CONNECTION = 50;

  public Warmup {
    if (requests < 0) {
      throw new IllegalArgumentException("warm-up requests must not be negative, got " + requests);
    }
    if (atLeast == null || atLeast.isNegative()) {
      throw new IllegalArgumentException("warm-up time must not be negative, got " + atLeast);
    }
  }

  /** Exactly {@code requests} untimed requests. */
  public static Warmup of(int requests) {
    return new Warmup(requests, Duration.ZERO);
  }
}
