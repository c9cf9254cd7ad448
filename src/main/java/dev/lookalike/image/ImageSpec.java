package dev.lookalike.image;

/**
 * The input a model expects: a square {@code size x size} picture with 1 (grey) or 3 (RGB)
 * channels.
 *
 * <p>Kept as a value so that indexing and querying provably prepare pictures the same way: codes
 * are only comparable when they come from the same spec.
 *
 * @param size the side of the square input in pixels, 8 to 1024
 * @param channels 1 for grey, 3 for RGB
 */
public record ImageSpec(int size, int channels) {

  /** The smallest side a spec accepts. */
  public static final int MIN_SIZE = 8;

  /** The largest side a spec accepts. */
  public static final int MAX_SIZE = 1024;

  public ImageSpec {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "image size must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + size);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
    }
  }

  /** A grey spec of the given side. */
  public static ImageSpec grey(int size) {
    return new ImageSpec(size, 1);
  }

  /** An RGB spec of the given side. */
  public static ImageSpec rgb(int size) {
    return new ImageSpec(size, 3);
  }

  /** Whether this spec wants a single grey channel. */
  public boolean isGrey() {
    return channels == 1;
  }

  /** The number of floats in one input: {@code size * size * channels}. */
  public int inputLength() {
    return size * size * channels;
  }
}
