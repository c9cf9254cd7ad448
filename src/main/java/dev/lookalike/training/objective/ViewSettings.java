package dev.lookalike.training.objective;

/**
 * How the random views of the invariance terms are drawn ({@link RandomViews}).
 *
 * @param shift most pixels a view is shifted by, in [0, 64]
 * @param zoom views are zoomed by a factor in [1 − zoom, 1 + zoom], zoom in [0, 1)
 * @param flip whether views are mirrored left-right at random
 * @param crop smallest share of the image area a random resized crop keeps, in (0, 1]; 1 = no crop
 *     (below 1 the crop replaces shift and zoom)
 * @param jitter strength of the photometric changes, in [0, 1): brightness and contrast factors in
 *     [1 − jitter, 1 + jitter]; for colour images also saturation, and greyscale one view in five
 * @param hue for colour images, the most a view's hue is turned either way, in turns, in [0, 0.5]
 * @param blur the chance, in [0, 1], that a view is blurred (Gaussian, σ drawn up to a twentieth of
 *     the image's side)
 */
public record ViewSettings(
    int shift, float zoom, boolean flip, float crop, float jitter, float hue, float blur) {

  /** Small shifts and flips only: the views the earlier studies used. */
  public static final ViewSettings WEAK = new ViewSettings(2, 0f, true, 1f, 0f);

  public ViewSettings {
    if (shift < 0 || shift > 64) {
      throw new IllegalArgumentException("view shift must be in [0, 64], got: " + shift);
    }
    if (!(zoom >= 0 && zoom < 1)) {
      throw new IllegalArgumentException("view zoom must be in [0, 1), got: " + zoom);
    }
    if (!(crop > 0 && crop <= 1)) {
      throw new IllegalArgumentException("view crop must be in (0, 1], got: " + crop);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("view jitter must be in [0, 1), got: " + jitter);
    }
    if (!(hue >= 0 && hue <= 0.5f)) {
      throw new IllegalArgumentException("view hue must be in [0, 0.5] turns, got: " + hue);
    }
    if (!(blur >= 0 && blur <= 1)) {
      throw new IllegalArgumentException("view blur chance must be in [0, 1], got: " + blur);
    }
  }

  /** Views without hue turns or blur. */
  public ViewSettings(int shift, float zoom, boolean flip, float crop, float jitter) {
    this(shift, zoom, flip, crop, jitter, 0f, 0f);
  }

  /** E.g. {@code views crop 0.4, jitter 0.4, flip} as model.json records it. */
  public String spec() {
    StringBuilder spec = new StringBuilder("views ");
    if (crop < 1) {
      spec.append("crop ").append(crop);
    } else {
      spec.append("shift ").append(shift);
      if (zoom > 0) {
        spec.append(", zoom ").append(zoom);
      }
    }
    if (jitter > 0) {
      spec.append(", jitter ").append(jitter);
    }
    if (hue > 0) {
      spec.append(", hue ").append(hue);
    }
    if (blur > 0) {
      spec.append(", blur ").append(blur);
    }
    return spec.append(flip ? ", flip" : "").toString();
  }
}
