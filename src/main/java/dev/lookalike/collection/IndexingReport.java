package dev.lookalike.collection;

import java.util.List;

/**
 * What a bulk indexing run did.
 *
 * @param added images encoded and written
 * @param skipped images already in the index (same id), left as they were
 * @param failures inputs that could not be indexed, each with the reason
 */
public record IndexingReport(int added, int skipped, List<Failure> failures, double seconds) {

  public IndexingReport {
    failures = List.copyOf(failures);
  }

  /** One input that was not indexed. */
  public record Failure(String source, String reason) {}

  /** Images added per second of the run. */
  public double imagesPerSecond() {
    return seconds == 0 ? 0 : added / seconds;
  }
}
