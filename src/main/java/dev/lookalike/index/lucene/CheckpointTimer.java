package dev.lookalike.index.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Checkpoints a logged index on a timer, so that the write-ahead log of a server that has gone
 * quiet is folded into a Lucene commit too, not only when the next write comes. One daemon thread
 * per writable index with a log; none without one.
 */
final class CheckpointTimer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CheckpointTimer.class);

  private final ScheduledExecutorService timer; // null: nothing to checkpoint

  private CheckpointTimer(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static CheckpointTimer start(IndexWrites writes, String location) {
    Duration interval = writes.checkpointInterval();
    if (interval.isZero()) {
      return new CheckpointTimer(null);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("lookalike-checkpoint").unstarted(task));
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            writes.checkpointIfDue();
          } catch (IOException | RuntimeException e) {
            // The log still holds every change; the next commit or tick tries again.
            LOG.warnf("index %s: checkpoint failed: %s", location, e.toString());
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
    return new CheckpointTimer(timer);
  }

  /** Stops the timer and waits for a checkpoint in progress, before the index closes. */
  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdown(); // not shutdownNow: an interrupt inside a Lucene commit would be fatal to the
    // writer
    try {
      timer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
