package dev.lookalike.collection;

import dev.lookalike.index.ImageIndex;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes concurrent writers share commits. A writer that has added or deleted calls {@link
 * #awaitDurable}: the first one in becomes the leader and commits everything written so far;
 * writers that finish while that commit runs wait for the next one, which the first of them leads
 * and which covers them all. Each caller returns only once a commit that started after its write
 * has completed, so an acknowledged write is durable — and N concurrent uploaders cost about two
 * commits per round instead of N.
 */
public final class GroupCommit {

  private final ImageIndex index;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition done = lock.newCondition();

  /** Writes finished, numbered in the order they called in. */
  private long written;

  /** The highest write number a completed commit covers. */
  private long durable;

  private boolean committing;
  private long commits;

  public GroupCommit(ImageIndex index) {
    this.index = index;
  }

  /** Returns once the caller's completed write is committed. */
  public void awaitDurable() throws IOException {
    lock.lock();
    try {
      long mine = ++written;
      while (durable < mine) {
        if (committing) {
          done.await();
          continue;
        }
        committing = true;
        long covers = written;
        lock.unlock();
        boolean ok = false;
        try {
          index.commit();
          ok = true;
        } finally {
          lock.lock();
          committing = false;
          if (ok) {
            durable = Math.max(durable, covers);
            commits++;
          }
          done.signalAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a commit");
    } finally {
      lock.unlock();
    }
  }

  /** Commits made so far (for tests and metrics). */
  public long commits() {
    lock.lock();
    try {
      return commits;
    } finally {
      lock.unlock();
    }
  }
}
