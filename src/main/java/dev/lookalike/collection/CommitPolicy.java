package dev.lookalike.collection;

import java.time.Duration;

/**
 * When a long indexing run commits: after {@code interval} or {@code images} added since the last
 * commit, whichever comes first, and at the end. A crash loses at most what came after the last
 * commit, and a rerun skips everything before it.
 */
public record CommitPolicy(Duration interval, long images) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final long DEFAULT_IMAGES = 50_000;

  public static final CommitPolicy DEFAULT = new CommitPolicy(DEFAULT_INTERVAL, DEFAULT_IMAGES);

  public CommitPolicy {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("commit interval must be positive, got: " + interval);
    }
    if (images < 1) {
      throw new IllegalArgumentException("commit every must be at least 1 image, got: " + images);
    }
  }

  boolean due(long sinceCommitNanos, long addedSinceCommit) {
    return addedSinceCommit >= images || sinceCommitNanos >= interval.toNanos();
  }
}
