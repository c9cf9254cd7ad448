package dev.lookalike.app;

import dev.lookalike.collection.ChangeLog;
import dev.lookalike.collection.CollectionMap;
import dev.lookalike.collection.ImageCollection;
import dev.lookalike.collection.Originals;
import dev.lookalike.collection.Snapshots;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.search.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One model with its index and the services over them: what the server serves, replaced as a whole
 * when a reindex switches to a new model ({@link LiveDeployment}). Reference-counted like a Lucene
 * reader: the server holds one reference, each request another, and the model and index close when
 * the last is released.
 */
public final class Deployment {

  private final CodeModel model;
  private final ImageIndex index;
  private final ImagePipeline pipeline;
  private final SearchService search;
  private final ImageCollection collection;
  private final CollectionMap map;
  private final Snapshots snapshots;
  private final AtomicInteger references = new AtomicInteger(1);

  /**
   * Takes ownership of {@code model} and {@code index}.
   *
   * @param changes where the collection records the ids it changes while a reindex builds
   * @param originals where the collection keeps its uploads' bytes (shared by every deployment)
   * @param snapshotDir where snapshots go, when configured
   */
  public Deployment(
      CodeModel model,
      ImageIndex index,
      ImagePipeline pipeline,
      CopyCheck copyCheck,
      ChangeLog changes,
      Originals originals,
      Optional<Path> snapshotDir) {
    this.model = model;
    this.index = index;
    this.pipeline = pipeline;
    this.search = new SearchService(pipeline, model, index, copyCheck);
    this.collection = new ImageCollection(pipeline, model, index, changes, originals);
    this.map = new CollectionMap(index.analytics());
    this.snapshots = new Snapshots(index, snapshotDir, Clock.systemUTC());
  }

  public CodeModel model() {
    return model;
  }

  public ImageIndex index() {
    return index;
  }

  public ImagePipeline pipeline() {
    return pipeline;
  }

  public SearchService search() {
    return search;
  }

  public ImageCollection collection() {
    return collection;
  }

  public CollectionAnalytics analytics() {
    return index.analytics();
  }

  public CollectionMap map() {
    return map;
  }

  public Snapshots snapshots() {
    return snapshots;
  }

  /** Takes a reference; false once the deployment has closed (the caller looks again). */
  boolean tryAcquire() {
    for (int count = references.get(); count > 0; count = references.get()) {
      if (references.compareAndSet(count, count + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Gives a reference back; the last one closes the index and the model. */
  void release() {
    if (references.decrementAndGet() == 0) {
      try {
        index.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the index: " + e.getMessage(), e);
      } finally {
        model.close();
      }
    }
  }
}
