package dev.lookalike.image;

/**
 * Everything indexing needs from one upload: the model input, a thumbnail and the original size.
 *
 * <p>The thumbnail array is not copied; treat it as read-only.
 *
 * @param input the model input for the pipeline's spec
 * @param thumbnailPng a PNG no larger than the pipeline's thumbnail side
 * @param originalWidth the width of the uploaded picture (after EXIF rotation)
 * @param originalHeight the height of the uploaded picture (after EXIF rotation)
 */
public record PreparedImage(
    FloatImage input, byte[] thumbnailPng, int originalWidth, int originalHeight) {

  public PreparedImage {
    if (input == null) {
      throw new IllegalArgumentException("input must not be null");
    }
    if (thumbnailPng == null || thumbnailPng.length == 0) {
      throw new IllegalArgumentException("thumbnailPng must not be null or empty");
    }
    if (originalWidth < 1 || originalHeight < 1) {
      throw new IllegalArgumentException(
          "original width and height must be at least 1, got "
              + originalWidth
              + "x"
              + originalHeight);
    }
  }

  @Override
  public String toString() {
    return "PreparedImage[input="
        + input
        + ", thumbnailPng="
        + thumbnailPng.length
        + " bytes, original="
        + originalWidth
        + "x"
        + originalHeight
        + "]";
  }
}
