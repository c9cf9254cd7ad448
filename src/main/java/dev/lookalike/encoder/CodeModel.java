package dev.lookalike.encoder;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvAutoencoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model opened for use: images in, {@link Codes} out. Thread-safe; close it to free the
 * native memory of its weights.
 */
public final class CodeModel implements AutoCloseable {

  private static final int BATCH = 256;

  private final ModelManifest manifest;
  private final String fingerprint;
  private final String source;
  private final NDManager manager;
  private final LatentEncoder encoder;
  private final Block decoder;
  private final Coder coder;

  private CodeModel(
      ModelManifest manifest,
      String fingerprint,
      String source,
      NDManager manager,
      Block autoencoder) {
    this.manifest = manifest;
    this.fingerprint = fingerprint;
    this.source = source;
    this.manager = manager;
    this.encoder =
        new LatentEncoder(ConvAutoencoder.encoderOf(autoencoder), manager, manifest.spec(), BATCH);
    this.decoder = ConvAutoencoder.decoderOf(autoencoder);
    this.coder = new Coder(manifest.binarizer());
  }

  /** Opens a model directory or the shipped model. */
  public static CodeModel load(ModelSource source) {
    try {
      ModelFiles.Loaded<ModelManifest> loaded = ModelFiles.read(source, ModelManifest.class);
      NDManager manager = NDManager.newBaseManager(Devices.preferred());
      try {
        Block block = loaded.manifest().network().block();
        ModelFiles.loadWeights(block, manager, loaded.weights(), source.describe());
        return new CodeModel(
            loaded.manifest(), loaded.fingerprint(), source.describe(), manager, block);
      } catch (IOException | RuntimeException e) {
        manager.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load model from " + source.describe() + ": " + e.getMessage(), e);
    }
  }

  public Codes codes(FloatImage image) {
    return codes(List.of(image)).get(0);
  }

  public List<Codes> codes(List<FloatImage> images) {
    float[][] latents = encoder.encode(images);
    List<Codes> codes = new ArrayList<>(latents.length);
    for (float[] latent : latents) {
      codes.add(coder.code(latent));
    }
    return codes;
  }

  /** Codes plus reconstruction errors, for indexing (one pass through encoder and decoder). */
  public List<EncodedImage> encode(List<FloatImage> images) {
    LatentEncoder.Encoded encoded = encoder.encode(images, decoder);
    List<EncodedImage> result = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      result.add(
          new EncodedImage(coder.code(encoded.latents()[i]), encoded.reconstructionErrors()[i]));
    }
    return result;
  }

  /** Raw latent vectors (before centring and binarisation), e.g. for evaluation. */
  public float[][] latents(List<FloatImage> images) {
    return encoder.encode(images);
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public ImageSpec spec() {
    return manifest.spec();
  }

  public String fingerprint() {
    return fingerprint;
  }

  public String source() {
    return source;
  }

  public Coder coder() {
    return coder;
  }

  @Override
  public void close() {
    manager.close();
  }
}
