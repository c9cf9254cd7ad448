package dev.lookalike.codes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a model's dense code is derived from its latent (then scaled to unit length). */
public enum DenseCode {
  /** The latent itself. */
  UNIT,
  /** The latent partially whitened: {@link DenseProjection#whitening} to {@link #POWER}. */
  WHITENED,
  /** The whitened latent blended with a whitened PCA code of the pixels: {@link PixelBlend}. */
  BLENDED;

  /**
   * What {@code train} fits unless told otherwise. {@link #BLENDED} ranks regular queries better on
   * every dev set but finds fewer edited copies' originals (BENCHMARKS.md, issue 10, nineteenth
   * part), so it is a choice, not the default.
   */
  public static final String DEFAULT_NAME = "whitened";

  public static final DenseCode DEFAULT = parse(DEFAULT_NAME);

  /**
   * Chosen on the validation splits over 1 (full whitening amplifies axes that carry noise); 0.75
   * is slightly ahead on dense codes but not yet measured on bits, diffusion and colour.
   */
  public static final double POWER = 0.5;

  /** The projection this choice fits to {@code latents}; empty for {@link #UNIT}. */
  public Optional<DenseProjection> fit(float[][] latents) {
    return switch (this) {
      case UNIT -> Optional.empty();
      case WHITENED, BLENDED -> Optional.of(DenseProjection.whitening(latents, POWER));
    };
  }

  /** The choice a coder stands for. */
  public static DenseCode of(Coder coder) {
    if (coder.blend().isPresent()) {
      return BLENDED;
    }
    return coder.projection().isPresent() ? WHITENED : UNIT;
  }

  /** Parses a name, ignoring case and surrounding blanks; the error lists what is allowed. */
  public static DenseCode parse(String name) {
    if (name != null) {
      String wanted = name.strip().toUpperCase(Locale.ROOT);
      for (DenseCode code : values()) {
        if (code.name().equals(wanted)) {
          return code;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown dense code '"
            + name
            + "'; expected one of "
            + Arrays.stream(values())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
