package dev.lookalike.training.objective;

import dev.lookalike.training.VariantMixing;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the denoising autoencoder minimises beyond the reconstruction error, and what extra images
 * it sees: the regularising penalties, the random views the invariance term compares, and the
 * optional VAE variants mixed into the batches.
 *
 * @param penalties terms added to the mean squared reconstruction error
 * @param views how the random views of the invariance terms are drawn
 * @param mixing VAE variants mixed into every batch, or null for none
 */
public record DaeObjective(List<Penalty> penalties, ViewSettings views, VariantMixing mixing) {

  /** Plain denoising: reconstruction error only. */
  public static final DaeObjective RECONSTRUCTION =
      new DaeObjective(List.of(), ViewSettings.WEAK, null);

  public DaeObjective {
    penalties = List.copyOf(penalties);
    if (views == null) {
      throw new IllegalArgumentException("views are required");
    }
  }

  /** E.g. {@code mse + contractive=0.1 + invariance=1.0 (views shift 2, flip)}. */
  public String spec() {
    String terms = penalties.stream().map(Penalty::spec).collect(Collectors.joining(" + "));
    StringBuilder spec = new StringBuilder("mse");
    if (!terms.isEmpty()) {
      spec.append(" + ").append(terms);
    }
    if (penalties.stream().anyMatch(Penalty::usesViews)) {
      spec.append(" (").append(views.spec()).append(")");
    }
    if (mixing != null) {
      spec.append("; augment ").append(mixing.spec());
    }
    return spec.toString();
  }
}
