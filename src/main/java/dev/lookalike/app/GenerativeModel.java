package dev.lookalike.app;

import dev.lookalike.image.ImagePipeline;
import dev.lookalike.model.Augmenter;
import dev.lookalike.model.VaeModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The server's VAE, opened on first use. Augmentation is optional: without a configured or
 * shipped VAE the generative endpoints answer that none is available.
 */
@Singleton
public class GenerativeModel {

  private final Components components;
  private Optional<VaeModel> vae;

  @Inject
  public GenerativeModel(Components components) {
    this.components = components;
  }

  private synchronized VaeModel vae() {
    if (vae == null) {
      vae = components.openVae(null);
    }
    return vae.orElseThrow(GenerativeModelMissingException::new);
  }

  public Augmenter augmenter() {
    return new Augmenter(vae());
  }

  /** Decodes uploads into the VAE's input. */
  public ImagePipeline pipeline() {
    return new ImagePipeline(components.imageLimits(), vae().spec(), vae().spec().size());
  }

  @PreDestroy
  synchronized void close() {
    if (vae != null) {
      vae.ifPresent(VaeModel::close);
    }
  }
}
