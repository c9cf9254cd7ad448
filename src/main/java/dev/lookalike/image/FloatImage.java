package dev.lookalike.image;

import java.util.Arrays;

/**
 * A picture as floats in planar CHW order (all of channel 0, then channel 1, ...), values in [0,1].
 *
 * <p>Planar layout is what a convolutional network takes, so the model can wrap the array without
 * reordering. Three channels are R, G, B in that order. The array is not copied: whoever builds a
 * {@code FloatImage} hands it over and must not change it afterwards. Values are not range-checked
 * (that would cost a pass over every picture); producers keep them in [0,1] and consumers that
 * render them clamp.
 *
 * @param width the width in pixels, at least 1
 * @param height the height in pixels, at least 1
 * @param channels 1 (grey) or 3 (RGB)
 * @param pixels {@code channels * height * width} values, planar
 */
public record FloatImage(int width, int height, int channels, float[] pixels) {

  public FloatImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image width and height must be at least 1, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
    }
    if (pixels == null) {
      throw new IllegalArgumentException("pixels must not be null");
    }
    long expected = (long) width * height * channels;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "x"
              + height
              + "x"
              + channels
              + " image needs "
              + expected
              + " values, got "
              + pixels.length);
    }
  }

  /**
   * Builds a grey image from unsigned bytes (0..255 becomes 0..1), as stored in idx files such as
   * Fashion-MNIST.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param unsignedPixels {@code width * height} bytes, row by row, read as unsigned
   */
  public static FloatImage fromGreyBytes(int width, int height, byte[] unsignedPixels) {
    if (unsignedPixels == null) {
      throw new IllegalArgumentException("pixels must not be null");
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image width and height must be at least 1, got " + width + "x" + height);
    }
    if ((long) width * height != unsignedPixels.length) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "x"
              + height
              + " grey image needs "
              + (long) width * height
              + " bytes, got "
              + unsignedPixels.length);
    }
    float[] values = new float[unsignedPixels.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (unsignedPixels[i] & 0xFF) / 255f;
    }
    return new FloatImage(width, height, 1, values);
  }

  /** The value of one channel at one pixel. */
  public float pixel(int channel, int y, int x) {
    if (channel < 0 || channel >= channels || y < 0 || y >= height || x < 0 || x >= width) {
      throw new IndexOutOfBoundsException(
          "pixel (channel "
              + channel
              + ", y "
              + y
              + ", x "
              + x
              + ") is outside a "
              + width
              + "x"
              + height
              + "x"
              + channels
              + " image");
    }
    return pixels[(channel * height + y) * width + x];
  }

  /** Whether this image has the shape a spec asks for. */
  public boolean matches(ImageSpec spec) {
    return width == spec.size() && height == spec.size() && channels == spec.channels();
  }

  /** Compares shape and every value, unlike the record default which compares array identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FloatImage that
        && width == that.width
        && height == that.height
        && channels == that.channels
        && Arrays.equals(pixels, that.pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * width + height) + channels) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "FloatImage[" + width + "x" + height + "x" + channels + "]";
  }
}
