package dev.lookalike.app;

import dev.lookalike.collection.FailureLog;
import dev.lookalike.collection.IndexingReport;
import dev.lookalike.collection.Reindex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The server's reindex: builds the index of a new model in the background while the live one keeps
 * serving, then switches to it without a restart ({@link LiveDeployment#switchTo}). One at a time.
 */
public final class ReindexJob implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReindexJob.class);

  /** Decoding threads of the build: few, so that searches keep the cores they need. */
  private static final int THREADS = 1;

  /** Where a job is. */
  public enum State {
    IDLE,
    BUILDING,
    SWITCHING,
    DONE,
    FAILED
  }

  /**
   * What the job did so far.
   *
   * @param done images of the live index handled by the build (encoded, skipped or failed)
   * @param fromThumbnail images whose source was gone or changed, encoded from their thumbnail
   * @param failures the first images that could not be encoded at all, with the reason
   */
  public record Status(
      State state,
      String model,
      String index,
      long done,
      long total,
      long fromSource,
      long fromThumbnail,
      long failed,
      long removed,
      List<IndexingReport.Failure> failures,
      String error,
      Instant started,
      Instant finished) {

    static final Status IDLE =
        new Status(State.IDLE, null, null, 0, 0, 0, 0, 0, 0, List.of(), null, null, null);
  }

  /** Thrown when a reindex is asked for while one runs. */
  public static final class AlreadyRunningException extends IllegalStateException {
    AlreadyRunningException() {
      super("a reindex is running; see its status and try again once it is done");
    }
  }

  private final Components components;
  private final LiveDeployment live;
  private final Optional<Path> snapshots;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("reindex").daemon().factory());
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong();
  private Status status = Status.IDLE;

  public ReindexJob(Components components, LiveDeployment live, Optional<Path> snapshots) {
    this.components = components;
    this.live = live;
    this.snapshots = snapshots;
  }

  /**
   * Starts reindexing into the model in {@code modelDir}; returns at once.
   *
   * @throws IllegalArgumentException when the directory holds no model or the live one
   * @throws AlreadyRunningException when a reindex runs
   */
  public synchronized Status start(Path modelDir) throws IOException {
    if (status.state() == State.BUILDING || status.state() == State.SWITCHING) {
      throw new AlreadyRunningException();
    }
    ReindexTarget target =
        live.read(d -> ReindexTarget.open(components, modelDir, null, d.model().identity()));
    done.set(0);
    total.set(0);
    status =
        new Status(
            State.BUILDING,
            modelDir.toString(),
            target.location(),
            0,
            0,
            0,
            0,
            0,
            0,
            List.of(),
            null,
            Instant.now(),
            null);
    live.changes().start();
    executor.execute(() -> run(target));
    return status();
  }

  /** The running or last job. */
  public synchronized Status status() {
    Status s = status;
    return s.state() == State.BUILDING
        ? new Status(
            s.state(),
            s.model(),
            s.index(),
            done.get(),
            total.get(),
            0,
            0,
            0,
            0,
            List.of(),
            null,
            s.started(),
            null)
        : s;
  }

  private void run(ReindexTarget target) {
    try (target;
        FailureLog failures = FailureLog.inMemory()) {
      Reindex.Report built =
          live.read(
              d ->
                  target
                      .reindex(d.index(), THREADS)
                      .build(
                          failures,
                          (handled, of) -> {
                            done.set(handled);
                            total.set(of);
                          }));
      finish(State.SWITCHING, target, built, 0, failures, null);
      Reindex.Report[] caughtUp = new Reindex.Report[1];
      Deployment next = target.deployment(live.changes(), snapshots);
      try {
        live.switchTo(
            next,
            old -> {
              caughtUp[0] =
                  target.reindex(old.index(), THREADS).catchUp(live.changes().stop(), failures);
              target.makeLive();
            });
      } catch (IOException | RuntimeException e) {
        next.release();
        throw e;
      }
      finish(State.DONE, target, built, caughtUp[0].removed(), failures, null);
      LOG.infof(
          "Reindexed into %s: %d images (%d from thumbnails), %d failed; serving it now",
          target.location(),
          built.indexing().added() + caughtUp[0].indexing().added(),
          built.fromThumbnail() + caughtUp[0].fromThumbnail(),
          failures.count());
    } catch (IOException | RuntimeException e) {
      live.changes().stop();
      LOG.error("Reindex failed; the live index is unchanged", e);
      finish(State.FAILED, target, null, 0, null, "reindex failed: " + e.getMessage());
    }
  }

  private synchronized void finish(
      State state,
      ReindexTarget target,
      Reindex.Report built,
      long removedLater,
      FailureLog failures,
      String error) {
    status =
        new Status(
            state,
            status.model(),
            target.location(),
            done.get(),
            total.get(),
            built == null ? 0 : built.fromSource(),
            built == null ? 0 : built.fromThumbnail(),
            failures == null ? 0 : failures.count(),
            (built == null ? 0 : built.removed()) + removedLater,
            failures == null ? List.of() : failures.kept(),
            error,
            status.started(),
            state == State.SWITCHING ? null : Instant.now());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
