package dev.lookalike.collection;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.EncodedImage;
import dev.lookalike.image.FloatImage;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Makes concurrent single uploads share one pass of the model and one index write, as {@link
 * GroupCommit} makes them share a commit. An upload whose image is decoded joins the pending batch;
 * the first to find no batch being written leads: it encodes every pending image in one pass and
 * adds them to the index at once (one searcher refresh and one neighbour-graph update for all),
 * while the uploads that arrive meanwhile gather for the next batch. A lone upload is written at
 * once: batching costs it nothing.
 */
final class AddBatcher {

  /** One decoded upload waiting to be encoded and written. */
  static final class Pending {
    private final FloatImage input;
    private final Function<EncodedImage, ImageRecord> record;
    private boolean written;
    private Throwable failure;

    /**
     * @param record makes the upload's record from its codes
     */
    Pending(FloatImage input, Function<EncodedImage, ImageRecord> record) {
      this.input = input;
      this.record = record;
    }
  }

  /** The most uploads written at once, bounding a batch's memory and its uploads' wait. */
  static final int MAX_BATCH = 64;

  private final CodeModel model;
  private final ImageIndex index;
  private final ChangeLog changes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition done = lock.newCondition();
  private List<Pending> pending = new ArrayList<>();
  private boolean writing;
  private long batches;

  AddBatcher(CodeModel model, ImageIndex index, ChangeLog changes) {
    this.model = model;
    this.index = index;
    this.changes = changes;
  }

  /** Returns once {@code upload} is in the index (not yet committed). */
  void add(Pending upload) throws IOException {
    lock.lock();
    try {
      pending.add(upload);
      while (!upload.written) {
        if (writing) {
          done.await();
          continue;
        }
        writing = true;
        List<Pending> batch = take();
        lock.unlock();
        Throwable failure = null;
        try {
          write(batch);
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        } finally {
          lock.lock();
          writing = false;
          batches++;
          for (Pending each : batch) {
            each.written = true;
            each.failure = failure;
          }
          done.signalAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a batch to be written");
    } finally {
      lock.unlock();
    }
    rethrow(upload.failure);
  }

  /** Batches written so far (for tests). */
  long batches() {
    lock.lock();
    try {
      return batches;
    } finally {
      lock.unlock();
    }
  }

  private List<Pending> take() {
    if (pending.size() <= MAX_BATCH) {
      List<Pending> batch = pending;
      pending = new ArrayList<>();
      return batch;
    }
    List<Pending> batch = new ArrayList<>(pending.subList(0, MAX_BATCH));
    pending = new ArrayList<>(pending.subList(MAX_BATCH, pending.size()));
    return batch;
  }

  private void write(List<Pending> batch) throws IOException {
    List<EncodedImage> encoded = model.encode(batch.stream().map(p -> p.input).toList());
    List<ImageRecord> records = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      records.add(batch.get(i).record.apply(encoded.get(i)));
    }
    index.add(records);
    changes.changed(records.stream().map(ImageRecord::id).toList());
  }

  private static void rethrow(Throwable failure) throws IOException {
    switch (failure) {
      case null -> {}
      case IOException e -> throw new IOException(e.getMessage(), e);
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IOException(failure);
    }
  }
}
