package dev.lookalike.image;

/**
 * How small a decoded picture may be, so that a large JPEG can be decoded at 1/2, 1/4 or 1/8 scale.
 *
 * <p>JPEG can skip most of its inverse DCT when a smaller picture is enough, which makes decoding a
 * camera photo for a 64-pixel model input several times faster. The decoder picks the largest
 * reduction that still leaves both sides at least these sizes.
 *
 * @param minShortSide the shorter decoded side must stay at least this, 0 or more
 * @param minLongSide the longer decoded side must stay at least this, 0 or more
 */
public record DecodeHint(int minShortSide, int minLongSide) {

  private static final DecodeHint FULL_SIZE = new DecodeHint(Integer.MAX_VALUE, Integer.MAX_VALUE);

  public DecodeHint {
    if (minShortSide < 0 || minLongSide < 0) {
      throw new IllegalArgumentException(
          "minimum sides must not be negative, got " + minShortSide + " and " + minLongSide);
    }
  }

  /** Never reduce. */
  public static DecodeHint fullSize() {
    return FULL_SIZE;
  }

  /** The largest of 8, 4, 2 and 1 by which a {@code width x height} picture may be reduced. */
  int reductionFor(int width, int height) {
    int shortSide = Math.min(width, height);
    int longSide = Math.max(width, height);
    for (int factor = 8; factor > 1; factor /= 2) {
      // Reduced JPEG sides are rounded up, so floor division is a safe lower bound.
      if (shortSide / factor >= minShortSide && longSide / factor >= minLongSide) {
        return factor;
      }
    }
    return 1;
  }
}
