package dev.lookalike.nn;

import java.util.Locale;

/**
 * The autoencoder's bottleneck: {@code linear} (a real-valued code) or {@code binary:σ}, a sigmoid
 * layer with N(0, σ²) noise injected before it in training, trained to give near-binary codes.
 *
 * @param noise the standard deviation of the injected noise; 0 for a linear layer
 */
public record CodeLayer(boolean binary, float noise) {

  public static final CodeLayer LINEAR = new CodeLayer(false, 0f);

  public CodeLayer {
    if (!(noise >= 0 && noise <= 100)) {
      throw new IllegalArgumentException("code layer noise must be in [0, 100], got: " + noise);
    }
  }

  /**
   * Parses {@code linear} or {@code binary:σ}; null or blank is linear (models made before the
   * option).
   */
  public static CodeLayer parse(String spec) {
    if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("linear")) {
      return LINEAR;
    }
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("binary:")) {
      try {
        return new CodeLayer(true, Float.parseFloat(s.substring("binary:".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("code layer noise in '" + spec + "' is not a number");
      }
    }
    throw new IllegalArgumentException(
        "unknown code layer '" + spec + "'; use linear or binary:σ (e.g. binary:4)");
  }

  public String spec() {
    return binary ? "binary:" + noise : "linear";
  }
}
