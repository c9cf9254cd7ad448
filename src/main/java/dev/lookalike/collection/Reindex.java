package dev.lookalike.collection;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the index of a new model from a live index of an older one: every image is read again
 * ({@link ImageSources}), encoded by the new model and written with the id, URI, label and metadata
 * it had, so searches, links and deletes keep working after the switch. The live index is only
 * read.
 *
 * <p>A build that stopped resumes: images already in the new index are skipped. Writes the live
 * index takes while the build runs are carried over by {@link #catchUp}, which the switch runs
 * while writes are paused.
 */
public final class Reindex {

  /**
   * What a build or catch-up did.
   *
   * @param fromSource images read again from their file or data set record
   * @param fromThumbnail images whose source is gone or changed, encoded from their thumbnail
   * @param removed images of the new index that the live index no longer has, deleted
   */
  public record Report(
      IndexingReport indexing, long fromSource, long fromThumbnail, long removed) {}

  private final ImageIndex live;
  private final ImageIndex target;
  private final ImagePipeline pipeline;
  private final CodeModel model;
  private final ImageSources sources;
  private final int threads;

  /**
   * @param pipeline prepares images for the new model
   * @param target the new model's index, empty or from a build that stopped
   */
  public Reindex(
      ImageIndex live,
      ImageIndex target,
      ImagePipeline pipeline,
      CodeModel model,
      ImageSources sources,
      int threads) {
    this.live = live;
    this.target = target;
    this.pipeline = pipeline;
    this.model = model;
    this.sources = sources;
    this.threads = threads;
  }

  /**
   * Encodes every image of the live index not yet in the new one, then deletes from the new index
   * what the live one no longer has; everything written is committed.
   */
  public Report build(FailureLog failures, ProgressListener progress) throws IOException {
    ReindexInputs inputs = ReindexInputs.all(live, sources);
    IndexingReport indexing = indexer(false, progress).index(inputs, failures);
    long removed = removeMissing();
    target.commit();
    return new Report(indexing, inputs.fromSource(), inputs.fromThumbnail(), removed);
  }

  /**
   * Brings the new index up to date for images changed in the live one since the build began: those
   * still live are encoded again, the others deleted. Run it while the live index takes no writes,
   * so that nothing changes between this and the switch.
   */
  public Report catchUp(Collection<String> changedIds, FailureLog failures) throws IOException {
    List<IndexedImage> present = new ArrayList<>();
    long removed = 0;
    for (String id : Set.copyOf(changedIds)) {
      Optional<IndexedImage> image = live.get(id);
      if (image.isPresent()) {
        present.add(image.get());
      } else if (target.delete(id)) {
        removed++;
      }
    }
    ReindexInputs inputs = ReindexInputs.of(present, sources);
    IndexingReport indexing = indexer(true, ProgressListener.NONE).index(inputs, failures);
    target.commit();
    return new Report(indexing, inputs.fromSource(), inputs.fromThumbnail(), removed);
  }

  private BulkIndexer indexer(boolean replace, ProgressListener progress) {
    return new BulkIndexer(
        pipeline,
        model,
        target,
        new BulkIndexer.Settings(threads, 256, replace, CommitPolicy.DEFAULT),
        progress);
  }

  /** Deletes images of the new index that the live index does not have (deleted meanwhile). */
  private long removeMissing() throws IOException {
    long removed = 0;
    String after = null;
    for (List<IndexedImage> page = target.scan(null, ReindexInputs.PAGE);
        !page.isEmpty();
        page = target.scan(after, ReindexInputs.PAGE)) {
      List<String> ids = page.stream().map(IndexedImage::id).toList();
      Set<String> kept = live.existing(ids);
      for (String id : ids) {
        if (!kept.contains(id) && target.delete(id)) {
          removed++;
        }
      }
      after = ids.get(ids.size() - 1);
    }
    return removed;
  }
}
