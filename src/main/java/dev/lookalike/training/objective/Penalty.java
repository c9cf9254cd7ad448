package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A regularising term the denoising autoencoder adds to its reconstruction loss, computed on a
 * training batch. Each has a spec (e.g. {@code contractive:0.1}) recorded in {@code model.json}.
 */
public interface Penalty {

  /** The term for one batch, a scalar that gradients flow through. */
  NDArray loss(PenaltyInput input);

  /** How to write this penalty on the command line and in model.json. */
  String spec();

  /** Whether the term compares images with random views of them (then their kind is recorded). */
  default boolean usesViews() {
    return false;
  }

  /**
   * The instance one training run over {@code trainImages} images uses: itself, unless the term
   * keeps state across steps.
   *
   * @throws IllegalArgumentException when the term cannot work on that many images
   */
  default Penalty forRun(int trainImages) {
    return this;
  }

  /** Parses {@code l1:λ} or {@code kl:ρ:β} (the {@code --sparse} option). */
  static Penalty sparse(String spec) {
    List<Float> numbers = numbers(spec, "sparse");
    String kind = kind(spec);
    return switch (kind) {
      case "l1" -> {
        arity(spec, numbers, 1);
        yield new L1Sparsity(numbers.get(0));
      }
      case "kl" -> {
        arity(spec, numbers, 2);
        yield new KlSparsity(numbers.get(0), numbers.get(1));
      }
      default ->
          throw new IllegalArgumentException("unknown sparsity '" + spec + "'; use l1:λ or kl:ρ:β");
    };
  }

  /** VICReg-style invariance between an image and a random view, weight λ. */
  static Penalty invariance(float weight) {
    return new InvariancePenalty(weight);
  }

  /**
   * Parses {@code λ} or {@code λ:τ} (τ defaults to 0.2): NT-Xent between an image and a random
   * view.
   */
  static Penalty contrastive(String spec) {
    List<Float> numbers = numbers("contrastive:" + spec, "contrastive");
    if (numbers.isEmpty() || numbers.size() > 2) {
      throw new IllegalArgumentException(
          "--contrastive must be λ or λ:τ, e.g. 1:0.2; got: " + spec);
    }
    return new ContrastivePenalty(numbers.get(0), numbers.size() > 1 ? numbers.get(1) : 0.2f);
  }

  /**
   * Parses {@code λ} or {@code λ:support} (the {@code --neighbour-positives} option): NNCLR-style
   * nearest-neighbour positives for the random views.
   */
  static Penalty neighbourPositives(String spec) {
    float[] parsed =
        weightAndCount(
            spec, "neighbour-positives", "support", NeighbourPositives.DEFAULT_SUPPORT, "0.5:8192");
    return new NeighbourPositives(parsed[0], (int) parsed[1]);
  }

  /**
   * Parses {@code λ} or {@code λ:k} (the {@code --over-clustering} option): views classified into
   * the k-means clusters of their images.
   */
  static Penalty overClustering(String spec) {
    float[] parsed =
        weightAndCount(spec, "over-clustering", "k", OverClustering.DEFAULT_CLUSTERS, "0.5:40");
    return new OverClustering(parsed[0], (int) parsed[1]);
  }

  /** λ times the squared Frobenius norm of the encoder's Jacobian. */
  static Penalty contractive(float weight) {
    return new ContractivePenalty(weight);
  }

  /** Bit balance and decorrelation of a binary code layer. */
  static Penalty bitBalance(float weight) {
    return new BitBalancePenalty(weight);
  }

  private static String kind(String spec) {
    int colon = spec.indexOf(':');
    return (colon < 0 ? spec : spec.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
  }

  private static List<Float> numbers(String spec, String option) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    String[] parts = spec.split(":");
    List<Float> numbers = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      try {
        numbers.add(Float.parseFloat(parts[i].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " '" + spec + "': '" + parts[i] + "' is not a number");
      }
    }
    return numbers;
  }

  /** Parses {@code λ[:n]}, n a whole number ({@code defaultCount} when left out): {λ, n}. */
  private static float[] weightAndCount(
      String spec, String option, String count, int defaultCount, String example) {
    List<Float> numbers = numbers(option + ":" + spec, option);
    if (numbers.isEmpty() || numbers.size() > 2) {
      throw new IllegalArgumentException(
          "--" + option + " must be λ or λ:" + count + ", e.g. " + example + "; got: " + spec);
    }
    float n = numbers.size() > 1 ? numbers.get(1) : defaultCount;
    if (n != Math.rint(n)) {
      throw new IllegalArgumentException(
          "the " + option + " " + count + " must be a whole number, got: " + spec);
    }
    return new float[] {numbers.get(0), n};
  }

  private static void arity(String spec, List<Float> numbers, int expected) {
    if (numbers.size() != expected) {
      throw new IllegalArgumentException(
          "'" + spec + "' needs " + expected + " number(s) after the kind");
    }
  }

  /** Refuses weights that are negative, not finite or absurdly large. */
  static float checkWeight(String what, float weight) {
    if (!(weight >= 0 && weight <= 1e6f)) {
      throw new IllegalArgumentException(what + " must be in [0, 1e6], got: " + weight);
    }
    return weight;
  }
}
