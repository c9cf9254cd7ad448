package dev.lookalike.generative;

/** Augmentation was asked for, but no VAE is configured or shipped. */
public final class GenerativeModelMissingException extends RuntimeException {

  public GenerativeModelMissingException() {
    super(
        "no generative model on this server: train one with `train --variant vae --out DIR` and set "
            + "lookalike.vae.dir=DIR (and lookalike.vae.enabled=true)");
  }
}
