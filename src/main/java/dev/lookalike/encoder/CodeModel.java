package dev.lookalike.encoder;

import ai.djl.nn.Block;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.nn.FoldedDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model opened for use: images in, {@link Codes} out. Thread-safe; close it to free the
 * native memory of its weights.
 */
public final class CodeModel implements AutoCloseable {

  private static final int BATCH = 256;

  private final LoadedNetwork<ModelManifest, Block> network;
  private final LatentEncoder encoder;
  private final FoldedDecoder decoder;
  private final Coder coder;

  private CodeModel(LoadedNetwork<ModelManifest, Block> network) {
    this.network = network;
    Block autoencoder = network.block();
    this.encoder =
        new LatentEncoder(
            ConvAutoencoder.encoderOf(autoencoder),
            network.manager(),
            network.manifest().spec(),
            BATCH);
    this.decoder = FoldedDecoder.of(ConvAutoencoder.decoderOf(autoencoder), network.manager());
    this.coder = network.manifest().coder();
  }

  /** Opens a model directory or the shipped model. */
  public static CodeModel load(ModelSource source) {
    LoadedNetwork<ModelManifest, Block> network =
        LoadedNetwork.open(source, ModelManifest.class, m -> m.network().block(), "model");
    try {
      return new CodeModel(network);
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  public Codes codes(FloatImage image) {
    return codes(List.of(image)).get(0);
  }

  public List<Codes> codes(List<FloatImage> images) {
    float[][] latents = encoder.encode(images);
    List<Codes> codes = new ArrayList<>(latents.length);
    for (int i = 0; i < latents.length; i++) {
      codes.add(coder.code(latents[i], images.get(i)));
    }
    return codes;
  }

  /** Codes plus reconstruction errors, for indexing (one pass through encoder and decoder). */
  public List<EncodedImage> encode(List<FloatImage> images) {
    LatentEncoder.Encoded encoded = encoder.encode(images, decoder);
    List<EncodedImage> result = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      result.add(
          new EncodedImage(
              coder.code(encoded.latents()[i], images.get(i)), encoded.reconstructionErrors()[i]));
    }
    return result;
  }

  /** Raw latent vectors (before centring and binarisation), e.g. for evaluation. */
  public float[][] latents(List<FloatImage> images) {
    return encoder.encode(images);
  }

  public ModelManifest manifest() {
    return network.manifest();
  }

  public ImageSpec spec() {
    return manifest().spec();
  }

  public String fingerprint() {
    return network.fingerprint();
  }

  /** What an index records and checks about the model whose codes it holds. */
  public ModelIdentity identity() {
    return new ModelIdentity(fingerprint(), manifest().latent(), manifest().bits());
  }

  public String source() {
    return network.source();
  }

  public Coder coder() {
    return coder;
  }

  @Override
  public void close() {
    network.close();
  }
}
