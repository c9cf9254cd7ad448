package dev.lookalike.app;

import dev.lookalike.collection.ChangeLog;
import dev.lookalike.collection.ImageSources;
import dev.lookalike.collection.Reindex;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexEngine;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.NotSupportedByEngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The new model of a reindex and the index built for it, beside the configured index directory and
 * named by the model's fingerprint ({@link LivePointer#indexFor}), so a build that stopped resumes
 * in the same place. Closes both unless they were handed over to a {@link Deployment}.
 */
public final class ReindexTarget implements AutoCloseable {

  private final Components components;
  private final Path modelDir;
  private final Path base;
  private final CodeModel model;
  private final ImageIndex index;
  private final Path indexDir;
  private boolean handedOver;

  private ReindexTarget(
      Components components,
      Path modelDir,
      Path base,
      CodeModel model,
      ImageIndex index,
      Path dir) {
    this.components = components;
    this.modelDir = modelDir;
    this.base = base;
    this.model = model;
    this.index = index;
    this.indexDir = dir;
  }

  /**
   * Loads the model in {@code modelDir} and opens (or creates) its index beside the configured
   * index directory ({@code indexOverride} when given).
   *
   * @throws IllegalArgumentException when {@code modelDir} holds no model, or holds the live one
   * @throws NotSupportedByEngineException on OpenSearch, which reindexes by its own means
   */
  public static ReindexTarget open(
      Components components, Path modelDir, Path indexOverride, ModelIdentity live) {
    if (components.engine() != IndexEngine.EMBEDDED) {
      throw new NotSupportedByEngineException(
          "reindex builds an embedded index; on OpenSearch, index into a new index and switch an"
              + " alias");
    }
    if (!Files.isRegularFile(modelDir.resolve(ModelFiles.MANIFEST))) {
      throw new IllegalArgumentException(
          "no model in " + modelDir + " (no " + ModelFiles.MANIFEST + ")");
    }
    CodeModel model;
    try {
      model = CodeModel.load(ModelSource.directory(modelDir));
    } catch (UncheckedIOException e) {
      // damaged or of another architecture: the caller named it, so it is a bad argument
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    try {
      if (model.identity().equals(live)) {
        throw new IllegalArgumentException(
            "the model in " + modelDir + " is the live model already");
      }
      Path base = components.baseIndexDir(indexOverride);
      Path dir = LivePointer.indexFor(base, model.fingerprint());
      ImageIndex index = components.openEmbedded(dir, model.identity(), false);
      return new ReindexTarget(components, modelDir, base, model, index, dir);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public Path indexDir() {
    return indexDir;
  }

  public CodeModel model() {
    return model;
  }

  /** The build from {@code live} into this target, on {@code threads} decoding threads. */
  public Reindex reindex(ImageIndex live, int threads) {
    return new Reindex(
        live,
        index,
        components.pipeline(model),
        model,
        new ImageSources(components.fashionMnistDir()),
        threads);
  }

  /** Records this target as live, so that restarts and the CLI open it. */
  public void makeLive() throws IOException {
    new LivePointer(modelDir, indexDir).write(base);
  }

  /** The server's deployment of this target; the deployment owns the model and index from now. */
  public Deployment deployment(ChangeLog changes, Optional<Path> snapshots) {
    handedOver = true;
    return new Deployment(
        model,
        index,
        components.servingPipeline(model),
        components.copyCheck(),
        changes,
        snapshots);
  }

  @Override
  public void close() throws IOException {
    if (!handedOver) {
      try {
        index.close();
      } finally {
        model.close();
      }
    }
  }
}
