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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The new model of a reindex and the index built for it beside the live one, named by the model's
 * fingerprint so that a build that stopped resumes in the same place: a directory beside the
 * embedded index ({@link LivePointer#indexFor}), or {@code NAME-<fingerprint>} beside the cluster
 * index {@code NAME}. Closes both unless they were handed over to a {@link Deployment}.
 */
public final class ReindexTarget implements AutoCloseable {

  /** How the target becomes the index the configured one stands for. */
  @FunctionalInterface
  private interface Switch {
    void makeLive() throws IOException;
  }

  private final Components components;
  private final CodeModel model;
  private final ImageIndex index;
  private final String location;
  private final Switch toLive;
  private boolean handedOver;

  private ReindexTarget(
      Components components, CodeModel model, ImageIndex index, String location, Switch toLive) {
    this.components = components;
    this.model = model;
    this.index = index;
    this.location = location;
    this.toLive = toLive;
  }

  /**
   * Loads the model in {@code modelDir} and opens (or creates) its index beside the configured
   * index directory ({@code indexOverride} when given) or beside the configured cluster index.
   *
   * @throws IllegalArgumentException when {@code modelDir} holds no model, or holds the live one
   */
  public static ReindexTarget open(
      Components components, Path modelDir, Path indexOverride, ModelIdentity live) {
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
      return components.engine() == IndexEngine.EMBEDDED
          ? embedded(components, model, modelDir, components.baseIndexDir(indexOverride))
          : cluster(components, model, modelDir);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static ReindexTarget embedded(
      Components components, CodeModel model, Path modelDir, Path base) {
    Path dir = LivePointer.indexFor(base, model.fingerprint());
    ImageIndex index = components.openEmbedded(dir, model.identity(), false);
    return new ReindexTarget(
        components, model, index, dir.toString(), () -> new LivePointer(modelDir, dir).write(base));
  }

  /** On a cluster, the switch moves the configured name, an alias, to the new index at once. */
  private static ReindexTarget cluster(Components components, CodeModel model, Path modelDir) {
    ClusterIndexes cluster = components.cluster();
    String name = cluster.reindexTargetName(model.identity());
    ImageIndex index = cluster.reindexTarget(model.identity(), modelDir);
    return new ReindexTarget(components, model, index, name, () -> cluster.switchTo(name));
  }

  /** Where the new index is: its directory, or its name on the cluster. */
  public String location() {
    return location;
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
        new ImageSources(components.fashionMnistDir(), components.originals()),
        threads);
  }

  /** Makes this target live, so that restarts and the CLI open it. */
  public void makeLive() throws IOException {
    toLive.makeLive();
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
        components.originals(),
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
