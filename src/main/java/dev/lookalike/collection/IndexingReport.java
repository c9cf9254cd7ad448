package dev.lookalike.collection;

import java.util.List;

/**
 * What a bulk indexing run did.
 *
 * @param added images encoded and written
 * @param skipped images already in the index (same id), left as they were
 * @param failed inputs that could not be indexed
 * @param failures the first of them, each with the reason (all are in the run's failure log)
 */
public record IndexingReport(
    long added, long skipped, long failed, List<Failure> failures, double seconds) {

  public IndexingReport {
    failures = List.copyOf(failures);
  }

  /**
   * One input that was not indexed.
   *
   * @param source the file's path, or the input's URI
   * @param reason why, e.g. the decoder's message
   */
  public record Failure(String source, String reason) {}

  /** Images added per second of the run. */
  public double imagesPerSecond() {
    return seconds == 0 ? 0 : added / seconds;
  }
}
