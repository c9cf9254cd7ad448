package dev.lookalike.training;

import java.util.Locale;

/** What {@code train} makes: the retrieval model or the generative model for augmentation. */
public enum Variant {
  /** The denoising autoencoder whose codes are indexed. */
  DAE,
  /** The variational autoencoder that makes variants of images. */
  VAE;

  /** Parses {@code dae} or {@code vae}, ignoring case. */
  public static Variant parse(String name) {
    String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    for (Variant variant : values()) {
      if (variant.name().equals(wanted)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown variant '" + name + "'; use dae or vae");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
