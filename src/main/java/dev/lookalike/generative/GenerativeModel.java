package dev.lookalike.generative;

import dev.lookalike.app.Components;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The server's VAE, opened on first use. Augmentation is optional: without a configured or shipped
 * VAE the generative endpoints answer that none is available.
 */
@Singleton
public class GenerativeModel implements QueryExpander {

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
    return components.servingPipeline(vae().spec(), vae().spec().size());
  }

  @Override
  public List<FloatImage> variants(byte[] bytes, int n, float temperature, long seed) {
    return augmenter().augment(pipeline().toInput(bytes), n, temperature, seed);
  }

  @PreDestroy
  synchronized void close() {
    if (vae != null) {
      vae.ifPresent(VaeModel::close);
    }
  }
}
