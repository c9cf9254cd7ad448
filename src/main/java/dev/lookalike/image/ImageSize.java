package dev.lookalike.image;

/**
 * The width and height of a picture, as declared by its header or found after decoding.
 *
 * @param width pixels across, at least 1
 * @param height pixels down, at least 1
 */
public record ImageSize(int width, int height) {

  public ImageSize {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image width and height must be at least 1, got " + width + "x" + height);
    }
  }

  /** {@code width * height / 1e6}. */
  public double megapixels() {
    return (double) width * height / 1e6;
  }
}
