package dev.lookalike.collection;

/** Told how far a long-running job is. */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (done, total) -> {};

  void progress(long done, long total);
}
