package dev.lookalike.app;

import dev.lookalike.collection.ChangeLog;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The deployment the server answers with, and the atomic switch to another one. Every request runs
 * on the deployment it started with ({@link #read}, {@link #write}), so a switch never fails a
 * request in flight: the old deployment closes when its last request is done. Writes pause for the
 * moment of the switch, so none lands on the old index after the new one caught up.
 */
public final class LiveDeployment implements AutoCloseable {

  /** Work on one deployment. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Deployment deployment) throws IOException;
  }

  /** What runs on the old deployment while writes are paused, just before the switch. */
  @FunctionalInterface
  public interface Handover {
    void run(Deployment old) throws IOException;
  }

  private final AtomicReference<Deployment> current;
  private final ChangeLog changes;
  // fair, so that a waiting switch is not starved by a stream of writers
  private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock(true);

  public LiveDeployment(Deployment initial, ChangeLog changes) {
    this.current = new AtomicReference<>(initial);
    this.changes = changes;
  }

  /** Where the live collection records the ids it changes (the deployments were built with it). */
  public ChangeLog changes() {
    return changes;
  }

  /** Runs {@code work} on the live deployment, which stays open until it returns. */
  public <T> T read(Work<T> work) throws IOException {
    Deployment deployment = acquire();
    try {
      return work.apply(deployment);
    } finally {
      deployment.release();
    }
  }

  /** Like {@link #read}, for work that adds or deletes: it never overlaps a switch. */
  public <T> T write(Work<T> work) throws IOException {
    writes.readLock().lock();
    try {
      return read(work);
    } finally {
      writes.readLock().unlock();
    }
  }

  /**
   * Makes {@code next} live: pauses writes, runs {@code handover} on the old deployment (e.g. the
   * reindex's catch-up), swaps, and lets the old one close once its requests are done. When the
   * handover fails, nothing is switched and {@code next} is left to the caller.
   */
  public void switchTo(Deployment next, Handover handover) throws IOException {
    writes.writeLock().lock();
    try {
      Deployment old = current.get();
      handover.run(old);
      current.set(next);
      old.release();
    } finally {
      writes.writeLock().unlock();
    }
  }

  private Deployment acquire() {
    while (true) {
      Deployment deployment = current.get();
      if (deployment.tryAcquire()) {
        return deployment;
      }
    }
  }

  /** Releases the live deployment: it closes once the requests still running are done. */
  @Override
  public void close() {
    current.get().release();
  }
}
