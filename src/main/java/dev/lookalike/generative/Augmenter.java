package dev.lookalike.generative;

import dev.lookalike.encoder.VaeModel;
import dev.lookalike.image.FloatImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes new images with a {@link VaeModel}: variations of an image drawn around its posterior,
 * interpolations between two images in latent space, and samples from the prior.
 *
 * <p>The noise comes from {@link Random#nextGaussian()} seeded by the caller, not from the engine's
 * generator, so the same seed gives the same images whatever ran on the engine before. Images are
 * decoded in one batch and clipped to [0,1]. Thread-safe: it keeps no state besides the model.
 */
public final class Augmenter {

  /** Most images one call of {@link #augment} or {@link #sample} makes. */
  public static final int MAX_IMAGES = 64;

  /** Most images one {@link #interpolate} makes. */
  public static final int MAX_STEPS = 32;

  /** Largest temperature: a multiple of σ (or of the prior's 1) beyond which decodes are noise. */
  public static final float MAX_TEMPERATURE = 5f;

  private final VaeModel model;

  public Augmenter(VaeModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model is required");
    }
    this.model = model;
  }

  /**
   * {@code n} decodes of z = μ + temperature·σ·ε, ε ~ N(0, I), around the posterior of {@code
   * image}; temperature 0 gives {@code n} copies of the decode of μ.
   */
  public List<FloatImage> augment(FloatImage image, int n, float temperature, long seed) {
    checkCount(n);
    checkTemperature(temperature);
    VaeModel.Posterior posterior = model.encode(image);
    float[] mean = posterior.mean();
    float[] sigma = posterior.standardDeviation();
    Random random = new Random(seed);
    List<float[]> latents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] z = new float[mean.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = mean[j] + temperature * sigma[j] * (float) random.nextGaussian();
      }
      latents.add(z);
    }
    return model.decode(latents);
  }

  /**
   * One variant of each image, z = μ + temperature·σ·ε, all encoded and decoded in one batch: the
   * extra training images of {@code train --augment vae:...}.
   */
  public List<FloatImage> variants(List<FloatImage> images, float temperature, Random random) {
    checkTemperature(temperature);
    List<float[]> latents = new ArrayList<>(images.size());
    for (VaeModel.Posterior posterior : model.encode(images)) {
      float[] mean = posterior.mean();
      float[] sigma = posterior.standardDeviation();
      float[] z = new float[mean.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = mean[j] + temperature * sigma[j] * (float) random.nextGaussian();
      }
      latents.add(z);
    }
    return model.decode(latents);
  }

  /**
   * Decodes of (1 − t)·μ_a + t·μ_b for {@code steps} evenly spaced t from 0 to 1 inclusive, so the
   * first and last are exactly the decodes of μ_a and μ_b.
   */
  public List<FloatImage> interpolate(FloatImage a, FloatImage b, int steps) {
    if (steps < 2 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be in [2, " + MAX_STEPS + "], got: " + steps);
    }
    List<VaeModel.Posterior> posteriors = model.encode(List.of(a, b));
    float[] from = posteriors.get(0).mean();
    float[] to = posteriors.get(1).mean();
    List<float[]> latents = new ArrayList<>(steps);
    for (int k = 0; k < steps; k++) {
      float t = k / (float) (steps - 1);
      float[] z = new float[from.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = (1 - t) * from[j] + t * to[j];
      }
      latents.add(z);
    }
    return model.decode(latents);
  }

  /** {@code n} decodes of z ~ N(0, temperature²·I), the prior scaled by the temperature. */
  public List<FloatImage> sample(int n, float temperature, long seed) {
    checkCount(n);
    checkTemperature(temperature);
    Random random = new Random(seed);
    List<float[]> latents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] z = new float[model.latent()];
      for (int j = 0; j < z.length; j++) {
        z[j] = temperature * (float) random.nextGaussian();
      }
      latents.add(z);
    }
    return model.decode(latents);
  }

  private static void checkCount(int n) {
    if (n < 1 || n > MAX_IMAGES) {
      throw new IllegalArgumentException("n must be in [1, " + MAX_IMAGES + "], got: " + n);
    }
  }

  private static void checkTemperature(float temperature) {
    if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
      throw new IllegalArgumentException(
          "temperature must be in [0, " + MAX_TEMPERATURE + "], got: " + temperature);
    }
  }
}
