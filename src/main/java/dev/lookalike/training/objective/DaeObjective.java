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
 * @param viewShift most pixels a view is shifted by (invariance only)
 * @param viewZoom views are zoomed by a factor in [1 − viewZoom, 1 + viewZoom] (invariance only)
 * @param viewFlip whether views are mirrored left-right at random (invariance only)
 * @param mixing VAE variants mixed into every batch, or null for none
 */
public record DaeObjective(
    List<Penalty> penalties,
    int viewShift,
    float viewZoom,
    boolean viewFlip,
    VariantMixing mixing) {

  /** Plain denoising: reconstruction error only. */
  public static final DaeObjective RECONSTRUCTION = new DaeObjective(List.of(), 2, 0f, true, null);

  public DaeObjective {
    penalties = List.copyOf(penalties);
    if (viewShift < 0 || viewShift > 64) {
      throw new IllegalArgumentException("view shift must be in [0, 64], got: " + viewShift);
    }
    if (!(viewZoom >= 0 && viewZoom < 1)) {
      throw new IllegalArgumentException("view zoom must be in [0, 1), got: " + viewZoom);
    }
  }

  /** E.g. {@code mse + contractive=0.1 + invariance=1.0 (views shift 2, flip)}. */
  public String spec() {
    String terms = penalties.stream().map(Penalty::spec).collect(Collectors.joining(" + "));
    StringBuilder spec = new StringBuilder("mse");
    if (!terms.isEmpty()) {
      spec.append(" + ").append(terms);
    }
    if (penalties.stream()
        .anyMatch(p -> p instanceof InvariancePenalty || p instanceof ContrastivePenalty)) {
      spec.append(" (views shift ").append(viewShift);
      if (viewZoom > 0) {
        spec.append(", zoom ").append(viewZoom);
      }
      spec.append(viewFlip ? ", flip)" : ")");
    }
    if (mixing != null) {
      spec.append("; augment ").append(mixing.spec());
    }
    return spec.toString();
  }
}
