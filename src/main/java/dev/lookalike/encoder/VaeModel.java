package dev.lookalike.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvVae;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained VAE opened for use: images to their posterior, latents back to images. Thread-safe
 * (each call has its own tensor scope, and inference is deterministic: z = μ); close it to free the
 * native memory of its weights.
 */
public final class VaeModel implements AutoCloseable {

  private static final int BATCH = 256;

  /**
   * The approximate posterior q(z|x) = N(μ, diag σ²) of one image.
   *
   * @param mean μ, one value per latent unit
   * @param logVariance log σ², one value per latent unit
   */
  public record Posterior(float[] mean, float[] logVariance) {

    /** σ = exp(½ log σ²) per latent unit. */
    public float[] standardDeviation() {
      float[] sigma = new float[logVariance.length];
      for (int i = 0; i < sigma.length; i++) {
        sigma[i] = (float) Math.exp(0.5 * logVariance[i]);
      }
      return sigma;
    }
  }

  private final LoadedNetwork<VaeManifest, ConvVae> network;

  private VaeModel(LoadedNetwork<VaeManifest, ConvVae> network) {
    this.network = network;
  }

  /** Opens a VAE model directory (or classpath model); refuses other architectures. */
  public static VaeModel load(ModelSource source) {
    return new VaeModel(LoadedNetwork.open(source, VaeManifest.class, VaeManifest::network, "VAE"));
  }

  public Posterior encode(FloatImage image) {
    return encode(List.of(image)).get(0);
  }

  /** The posterior of each image; images must match {@link #spec()}. */
  public List<Posterior> encode(List<FloatImage> images) {
    ImageSpec spec = spec();
    Batches.checkShapes(spec, images);
    List<Posterior> posteriors = new ArrayList<>(images.size());
    int latent = latent();
    for (int from = 0; from < images.size(); from += BATCH) {
      int to = Math.min(images.size(), from + BATCH);
      try (NDManager scope = network.manager().newSubManager()) {
        NDArray input = Batches.stack(scope, spec, images, from, to);
        NDList posterior = network.block().encode(new ParameterStore(scope, false), input, false);
        float[] means = posterior.get(0).toFloatArray();
        float[] logVariances = posterior.get(1).toFloatArray();
        for (int i = 0; i < to - from; i++) {
          posteriors.add(new Posterior(slice(means, i, latent), slice(logVariances, i, latent)));
        }
      }
    }
    return posteriors;
  }

  public FloatImage decode(float[] latent) {
    return decode(List.of(latent)).get(0);
  }

  /**
   * Decodes latent vectors of {@link #latent()} values into images of {@link #spec()}, clipped to
   * [0,1].
   */
  public List<FloatImage> decode(List<float[]> latents) {
    int latent = latent();
    for (int i = 0; i < latents.size(); i++) {
      if (latents.get(i).length != latent) {
        throw new IllegalArgumentException(
            "latent vector "
                + i
                + " has "
                + latents.get(i).length
                + " values; the model takes "
                + latent);
      }
    }
    ImageSpec spec = spec();
    List<FloatImage> images = new ArrayList<>(latents.size());
    for (int from = 0; from < latents.size(); from += BATCH) {
      int to = Math.min(latents.size(), from + BATCH);
      float[] flat = new float[(to - from) * latent];
      for (int i = from; i < to; i++) {
        System.arraycopy(latents.get(i), 0, flat, (i - from) * latent, latent);
      }
      try (NDManager scope = network.manager().newSubManager()) {
        NDArray z = scope.create(flat, new Shape(to - from, latent));
        float[] pixels =
            network
                .block()
                .decode(new ParameterStore(scope, false), z, false)
                .clip(0f, 1f)
                .toFloatArray();
        int length = spec.inputLength();
        for (int i = 0; i < to - from; i++) {
          images.add(
              new FloatImage(spec.size(), spec.size(), spec.channels(), slice(pixels, i, length)));
        }
      }
    }
    return images;
  }

  private static float[] slice(float[] flat, int row, int width) {
    float[] out = new float[width];
    System.arraycopy(flat, row * width, out, 0, width);
    return out;
  }

  public VaeManifest manifest() {
    return network.manifest();
  }

  public ImageSpec spec() {
    return manifest().spec();
  }

  /** Latent units: the length of μ, log σ² and of the vectors {@link #decode} takes. */
  public int latent() {
    return manifest().latent();
  }

  /** The first 16 hex digits of SHA-256 over both model files. */
  public String fingerprint() {
    return network.fingerprint();
  }

  public String source() {
    return network.source();
  }

  @Override
  public void close() {
    network.close();
  }
}
