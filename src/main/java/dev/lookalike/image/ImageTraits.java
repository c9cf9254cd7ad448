package dev.lookalike.image;

/**
 * What {@code train} needs to know of a collection's pictures to pick its input shape: how large
 * they are and whether they carry colour.
 *
 * @param shortSide the shorter side of the picture as stored, in pixels
 * @param colour whether the picture, composited over white, has visibly coloured pixels (a grey
 *     photo saved as RGB is not colour)
 */
public record ImageTraits(int shortSide, boolean colour) {

  /** Side of the RGB thumbnail the colour test looks at: enough to see colour, cheap to make. */
  private static final int PROBE_SIDE = 32;

  /** A pixel is coloured when its channels differ by more than this (about 15 of 255 levels). */
  private static final float COLOURED_PIXEL = 0.06f;

  /** A picture is colour when more than this share of its pixels are coloured. */
  private static final double COLOURED_SHARE = 0.02;

  /**
   * Reads the traits of an encoded picture.
   *
   * @throws InvalidImageException when the bytes are not a picture the decoder accepts
   */
  public static ImageTraits of(byte[] bytes, ImageDecoder decoder) {
    try (DecodedImage decoded = decoder.decode(bytes, new DecodeHint(PROBE_SIDE, PROBE_SIDE))) {
      int shortSide = Math.min(decoded.originalWidth(), decoded.originalHeight());
      FloatImage rgb = new ImagePreprocessor(ImageSpec.rgb(PROBE_SIDE)).toInput(decoded.mat());
      return new ImageTraits(shortSide, isColour(rgb));
    }
  }

  /** Whether more than {@value #COLOURED_SHARE} of an RGB picture's pixels are coloured. */
  static boolean isColour(FloatImage rgb) {
    float[] p = rgb.pixels();
    int plane = rgb.width() * rgb.height();
    int coloured = 0;
    for (int i = 0; i < plane; i++) {
      float r = p[i];
      float g = p[plane + i];
      float b = p[2 * plane + i];
      float spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
      if (spread > COLOURED_PIXEL) {
        coloured++;
      }
    }
    return coloured > COLOURED_SHARE * plane;
  }
}
