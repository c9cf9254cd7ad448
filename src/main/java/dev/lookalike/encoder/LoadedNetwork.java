package dev.lookalike.encoder;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * A network read from a model directory (or the classpath), the one loader of every architecture:
 * reads and checks {@code model.json} ({@link ModelFiles}), builds the block its manifest
 * describes, loads the weights onto the preferred device ({@link Devices}) and fingerprints both
 * files. Close it to free the native memory of the weights.
 *
 * @param <M> the manifest type, which refuses other architectures
 * @param <B> the block the manifest builds
 */
final class LoadedNetwork<M extends Record, B extends Block> implements AutoCloseable {

  private final M manifest;
  private final String fingerprint;
  private final String source;
  private final NDManager manager;
  private final B block;

  private LoadedNetwork(M manifest, String fingerprint, String source, NDManager manager, B block) {
    this.manifest = manifest;
    this.fingerprint = fingerprint;
    this.source = source;
    this.manager = manager;
    this.block = block;
  }

  /**
   * Opens {@code source}.
   *
   * @param network builds the untrained block a manifest describes
   * @param what names the model in errors, e.g. {@code model} or {@code VAE}
   * @throws UncheckedIOException when a file is missing, unreadable or of another architecture
   */
  static <M extends Record, B extends Block> LoadedNetwork<M, B> open(
      ModelSource source, Class<M> type, Function<M, B> network, String what) {
    try {
      ModelFiles.Loaded<M> loaded = ModelFiles.read(source, type);
      NDManager manager = NDManager.newBaseManager(Devices.preferred());
      try {
        B block = network.apply(loaded.manifest());
        ModelFiles.loadWeights(block, manager, loaded.weights(), source.describe());
        return new LoadedNetwork<>(
            loaded.manifest(), loaded.fingerprint(), source.describe(), manager, block);
      } catch (IOException | RuntimeException e) {
        manager.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load " + what + " from " + source.describe() + ": " + e.getMessage(), e);
    }
  }

  M manifest() {
    return manifest;
  }

  /** The first 16 hex digits of SHA-256 over both model files. */
  String fingerprint() {
    return fingerprint;
  }

  String source() {
    return source;
  }

  NDManager manager() {
    return manager;
  }

  B block() {
    return block;
  }

  @Override
  public void close() {
    manager.close();
  }
}
