package dev.lookalike.app;

import dev.lookalike.collection.FailureLog;
import dev.lookalike.collection.ProgressListener;
import dev.lookalike.collection.Reindex;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.lucene.LuceneIndexes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The CLI's reindex, for an index no server holds: builds the new model's index beside the live one
 * and makes it live ({@link LivePointer}, or the cluster alias) once complete. Holding the embedded
 * index's write lock throughout keeps a server from starting on it meanwhile; a server that runs
 * asks its own {@link ReindexJob} instead. A cluster has no such lock: uploads that servers take
 * during an offline build are not carried over, so a served cluster reindexes through its server.
 */
public final class OfflineReindex {

  /** What the run did and where the new index is. */
  public record Result(Reindex.Report report, String index, long liveImages) {}

  /** Thrown when there is nothing to reindex. */
  public static final class EmptyIndexException extends IllegalStateException {
    EmptyIndexException(Object index) {
      super("no images in " + index + " to reindex");
    }
  }

  private final Components components;

  public OfflineReindex(Components components) {
    this.components = components;
  }

  /**
   * Reindexes the index in {@code indexOverride} (or the configured one) into the model in {@code
   * modelDir}.
   */
  public Result run(
      Path modelDir,
      Path indexOverride,
      int threads,
      FailureLog failures,
      ProgressListener progress)
      throws IOException {
    // the index names the model it holds: the old model itself is not needed to read it
    ModelIdentity held = heldModel(indexOverride);
    try (ImageIndex live = openLive(indexOverride, held);
        ReindexTarget target = ReindexTarget.open(components, modelDir, indexOverride, held)) {
      Reindex.Report report = target.reindex(live, threads).build(failures, progress);
      target.makeLive();
      return new Result(report, target.location(), live.count());
    }
  }

  private ModelIdentity heldModel(Path indexOverride) throws IOException {
    return switch (components.engine()) {
      case EMBEDDED -> {
        Path dir = components.indexDir(indexOverride);
        yield LuceneIndexes.modelOf(dir).orElseThrow(() -> new EmptyIndexException(dir));
      }
      case OPENSEARCH -> {
        ClusterIndexes cluster = components.cluster();
        yield cluster.heldModel().orElseThrow(() -> new EmptyIndexException(cluster.describe()));
      }
    };
  }

  private ImageIndex openLive(Path indexOverride, ModelIdentity held) {
    return switch (components.engine()) {
      case EMBEDDED -> components.openEmbedded(components.indexDir(indexOverride), held, false);
      case OPENSEARCH -> components.cluster().open(held, false);
    };
  }
}
