package dev.lookalike.codes;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a {@link Binarizer} chooses its bit directions.
 *
 * <p>{@link #MEDIAN} thresholds principal components at their medians; {@link #ITQ} first rotates
 * them with {@link ItqRotation} to reduce quantisation error; {@link #UNITS} keeps the code's own
 * axes. All give balanced bits.
 */
public enum BinarizerMethod {
  /** Principal components, each thresholded at its training median. */
  MEDIAN,
  /** Principal components rotated by Iterative Quantization, thresholded at medians. */
  ITQ,
  /**
   * The code's own units, each thresholded at its training median: for a code layer trained to be
   * binary, whose units are already the bits. Needs as many bits as dimensions.
   */
  UNITS;

  /**
   * Parses a method name, ignoring case and surrounding blanks.
   *
   * <p>Configuration and command lines are typed by people, so the error lists what is allowed.
   */
  public static BinarizerMethod parse(String name) {
    if (name != null) {
      String wanted = name.strip().toUpperCase(Locale.ROOT);
      for (BinarizerMethod method : values()) {
        if (method.name().equals(wanted)) {
          return method;
        }
      }
    }
    String allowed =
        Arrays.stream(values())
            .map(m -> m.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unknown binarizer method '" + name + "', expected one of: " + allowed);
  }
}
