package dev.lookalike.app;

import dev.lookalike.config.OpenSearchConfig;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.opensearch.OpenSearchIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The configured OpenSearch index, whatever engine is configured: opening it, the scratch indexes
 * beside it, and a reindex's index and switch. Failures name the index and the cluster.
 */
public final class ClusterIndexes {

  /** A call to the cluster. */
  private interface Call<T> {
    T call() throws IOException;
  }

  private final OpenSearchConfig config;
  private final IndexSettings index;

  ClusterIndexes(OpenSearchConfig config, IndexSettings index) {
    this.config = config;
    this.index = index;
  }

  /**
   * The configured index for codes of {@code model}; created when missing only if {@code create}.
   */
  public ImageIndex open(ModelIdentity model, boolean create) {
    return call(
        () -> OpenSearchIndexes.open(config.connection(), index, config.settings(), model, create));
  }

  /** A uniquely named index beside the configured one, deleted when closed. */
  public ImageIndex scratch(ModelIdentity model) throws IOException {
    return OpenSearchIndexes.openScratch(config.connection(), index, config.settings(), model);
  }

  /** The index a reindex to {@code model} in {@code modelDir} builds, beside the live one. */
  ImageIndex reindexTarget(ModelIdentity model, Path modelDir) {
    return call(
        () ->
            OpenSearchIndexes.openReindexTarget(
                config.connection(), index, config.settings(), model, modelDir));
  }

  /** The name of the index {@link #reindexTarget} opens for {@code model}. */
  String reindexTargetName(ModelIdentity model) {
    return OpenSearchIndexes.reindexTargetName(config.settings(), model);
  }

  /** Makes the index {@code target} the configured one; returns the one it was before. */
  String switchTo(String target) throws IOException {
    return OpenSearchIndexes.switchTo(config.connection(), config.settings(), target);
  }

  /** The model the configured index holds; empty when there is none. */
  Optional<ModelIdentity> heldModel() {
    return call(() -> OpenSearchIndexes.heldModel(config.connection(), config.settings()));
  }

  /** The model a reindex switched the configured index to, when its directory is here. */
  Optional<Path> liveModelDir() {
    return call(() -> OpenSearchIndexes.liveModelDir(config.connection(), config.settings()))
        .filter(dir -> Files.isRegularFile(dir.resolve(ModelFiles.MANIFEST)));
  }

  /** The configured index, as messages name it. */
  String describe() {
    return "OpenSearch index " + config.index() + " on " + config.connection().describe();
  }

  private <T> T call(Call<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + describe() + ": " + e.getMessage(), e);
    }
  }
}
