package dev.lookalike.training;

import dev.lookalike.training.objective.DaeObjective;
import dev.lookalike.training.objective.Penalty;
import dev.lookalike.training.objective.ViewSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The regularisers asked for on the command line, before they are parsed into a {@link
 * DaeObjective}. Weights of 0 and null specs mean off.
 *
 * @param sparse {@code l1:λ} or {@code kl:ρ:β}, or null
 * @param contractive weight of the contractive term
 * @param invariance weight of the invariance term
 * @param contrastive {@code λ[:τ]}, or null or {@code none} for off
 * @param neighbourPositives {@code λ[:support]} (NNCLR-style positives), or null or {@code none}
 * @param overClustering {@code λ[:k]} (views classified into k-means clusters), or null or {@code
 *     none}
 * @param bitBalance weight of the bit balance term
 * @param views how the views of the invariance terms are drawn
 * @param augment {@code vae:<MODEL_DIR>:<ratio>}, or null
 * @param augmentTemperature temperature of the variants of {@code augment}
 */
public record ObjectiveOptions(
    String sparse,
    float contractive,
    float invariance,
    String contrastive,
    String neighbourPositives,
    String overClustering,
    float bitBalance,
    ViewSettings views,
    String augment,
    float augmentTemperature) {

  /** Plain reconstruction with the default views. */
  public static final ObjectiveOptions NONE =
      new ObjectiveOptions(null, 0, 0, null, null, null, 0, ViewSettings.WEAK, null, 1f);

  public ObjectiveOptions {
    if (contractive < 0 || invariance < 0 || bitBalance < 0) {
      throw new IllegalArgumentException(
          "--contractive, --invariance and --bit-balance must be >= 0 (0 = off), got: "
              + contractive
              + ", "
              + invariance
              + ", "
              + bitBalance);
    }
  }

  /** The penalties in a fixed order (it is recorded in model.json), views and mixing. */
  public DaeObjective objective() {
    List<Penalty> penalties = new ArrayList<>();
    if (sparse != null) {
      penalties.add(Penalty.sparse(sparse));
    }
    if (contractive > 0) {
      penalties.add(Penalty.contractive(contractive));
    }
    if (invariance > 0) {
      penalties.add(Penalty.invariance(invariance));
    }
    if (on(contrastive)) {
      penalties.add(Penalty.contrastive(contrastive));
    }
    if (on(neighbourPositives)) {
      penalties.add(Penalty.neighbourPositives(neighbourPositives));
    }
    if (on(overClustering)) {
      penalties.add(Penalty.overClustering(overClustering));
    }
    if (bitBalance > 0) {
      penalties.add(Penalty.bitBalance(bitBalance));
    }
    VariantMixing mixing =
        augment == null ? null : VariantMixing.parse(augment, augmentTemperature);
    return new DaeObjective(penalties, views, mixing);
  }

  private static boolean on(String spec) {
    return spec != null && !spec.strip().equalsIgnoreCase("none");
  }
}
