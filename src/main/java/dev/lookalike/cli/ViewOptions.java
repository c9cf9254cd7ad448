package dev.lookalike.cli;

import dev.lookalike.training.objective.ViewSettings;
import picocli.CommandLine.Option;

/** How {@code train} draws the views its invariance terms compare. */
final class ViewOptions {

  @Option(
      names = "--view-shift",
      defaultValue = "2",
      description = "Most pixels a view is shifted by (without --view-crop).")
  int shift;

  @Option(
      names = "--view-zoom",
      defaultValue = "0",
      description = "Views are zoomed by a random factor in [1 - z, 1 + z] (without --view-crop).")
  float zoom;

  @Option(
      names = "--view-flip",
      defaultValue = "true",
      negatable = true,
      fallbackValue = "true",
      description = "Mirror views left-right at random.")
  boolean flip;

  @Option(
      names = "--view-crop",
      defaultValue = "0.5",
      description =
          "Random resized crops keeping at least this share of the area (1 = off: shift and "
              + "zoom instead; default: ${DEFAULT-VALUE}).")
  float crop;

  @Option(
      names = "--view-jitter",
      defaultValue = "0.4",
      description =
          "Brightness/contrast (and for colour: saturation, sometimes greyscale) factors in "
              + "[1 - j, 1 + j] (0 = off; default: ${DEFAULT-VALUE}).")
  float jitter;

  @Option(
      names = "--view-hue",
      defaultValue = "0",
      description =
          "Colour images: hues turned by up to this share of a full turn either way, in [0, 0.5]"
              + " (default: ${DEFAULT-VALUE}).")
  float hue;

  @Option(
      names = "--view-blur",
      defaultValue = "0",
      description =
          "The chance that a view is blurred, σ drawn up to a twentieth of the side"
              + " (default: ${DEFAULT-VALUE}).")
  float blur;

  ViewSettings settings() {
    return new ViewSettings(shift, zoom, flip, crop, jitter, hue, blur);
  }
}
