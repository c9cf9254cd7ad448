package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import dev.lookalike.nn.Noise;
import java.util.Locale;

/**
 * The input corruption of a denoising autoencoder (Vincent et al. 2008/2010): the network sees
 * {@code apply(x)} and must reconstruct {@code x}, which forces it to learn structure rather than
 * the identity.
 *
 * <p>Written as {@code kind:amount}: {@code gaussian:0.3} (additive N(0, σ²) clipped to [0,1]),
 * {@code saltpepper:0.1} (a fraction p of pixels set to 0 or 1 at random), {@code masking:0.3} (a
 * fraction p of pixels set to 0), or {@code none}.
 */
public sealed interface Corruption {

  /**
   * A corrupted copy of a batch of images in [0,1], its randomness drawn from {@code noise}; {@code
   * clean} is not modified.
   */
  NDArray apply(NDArray clean, Noise noise);

  /** The spec this corruption is parsed from, e.g. {@code gaussian:0.3}. */
  String spec();

  /** Parses a spec such as {@code gaussian:0.3}. */
  static Corruption parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "noise must be one of gaussian:σ, saltpepper:p, masking:p, none");
    }
    String trimmed = spec.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("none")) {
      return new None();
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("noise '" + spec + "' needs an amount, e.g. gaussian:0.3");
    }
    String kind = trimmed.substring(0, colon);
    float amount;
    try {
      amount = Float.parseFloat(trimmed.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("noise amount in '" + spec + "' is not a number");
    }
    return switch (kind) {
      case "gaussian" -> new Gaussian(amount);
      case "saltpepper", "salt-and-pepper" -> new SaltAndPepper(amount);
      case "masking", "mask" -> new Masking(amount);
      default ->
          throw new IllegalArgumentException(
              "unknown noise '" + kind + "'; use gaussian:σ, saltpepper:p, masking:p or none");
    };
  }

  private static void checkProbability(String what, float p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " probability must be in [0,1], got: " + p);
    }
  }

  /** Additive Gaussian noise with standard deviation {@code sigma}, clipped back to [0,1]. */
  record Gaussian(float sigma) implements Corruption {
    public Gaussian {
      if (!(sigma >= 0 && sigma <= 10)) {
        throw new IllegalArgumentException("gaussian sigma must be in [0,10], got: " + sigma);
      }
    }

    @Override
    public NDArray apply(NDArray clean, Noise noise) {
      return clean.add(noise.normalLike(clean, sigma)).clip(0f, 1f);
    }

    @Override
    public String spec() {
      return "gaussian:" + sigma;
    }
  }

  /** Each pixel independently, with probability {@code p}, becomes black or white (50/50). */
  record SaltAndPepper(float probability) implements Corruption {
    public SaltAndPepper {
      checkProbability("salt-and-pepper", probability);
    }

    @Override
    public NDArray apply(NDArray clean, Noise noise) {
      NDManager manager = clean.getManager();
      NDArray hit = noise.uniform(manager, clean.getShape()).lt(probability);
      NDArray salt =
          noise.uniform(manager, clean.getShape()).gte(0.5f).toType(clean.getDataType(), false);
      return NDArrays.where(hit, salt, clean);
    }

    @Override
    public String spec() {
      return "saltpepper:" + probability;
    }
  }

  /**
   * Each pixel independently, with probability {@code p}, is set to zero (dropout on the input).
   */
  record Masking(float probability) implements Corruption {
    public Masking {
      checkProbability("masking", probability);
    }

    @Override
    public NDArray apply(NDArray clean, Noise noise) {
      NDArray keep = noise.uniform(clean.getManager(), clean.getShape()).gte(probability);
      return clean.mul(keep.toType(clean.getDataType(), false));
    }

    @Override
    public String spec() {
      return "masking:" + probability;
    }
  }

  /** No corruption: a plain autoencoder. */
  record None() implements Corruption {
    @Override
    public NDArray apply(NDArray clean, Noise noise) {
      return clean.duplicate();
    }

    @Override
    public String spec() {
      return "none";
    }
  }
}
