package dev.lookalike.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Vectors;
import java.util.List;
import java.util.Objects;

/**
 * The pixels' half of a {@linkplain DenseCode#BLENDED blended} dense code. A learned code and a PCA
 * of the pixels make different mistakes: on one colour set the pixels' PCA ranks better than the
 * trained code, on the others worse; the two with equal weight ranked better than the learned code
 * alone on all four dev sets, and better than either on three (BENCHMARKS.md, issue 10, nineteenth
 * part). So the dense code is the unit learned code and the unit, partially whitened PCA code of
 * the pixels side by side, each times √½, projected on the first principal axes of such pairs: as
 * many as the latent has, so the index keeps its vector dimension. The pixels' half does not share
 * the learned code's indifference to crops and small turns: an edited copy's original comes first
 * less often, so this is a choice of {@code train} and {@code recode}, not the default.
 *
 * @param pool the side of the squares of pixels averaged before the PCA (1: none), so that the
 *     PCA's covariance stays at most {@link #MAX_VALUES} wide whatever the model's input size
 * @param pixels the partial whitening of the (pooled) pixels' first principal axes
 * @param blend the first principal axes of the blended pairs
 */
public record PixelBlend(int pool, DenseProjection pixels, DenseProjection blend) {

  /** A 32×32 RGB image: wider inputs are pooled down to this many values or fewer. */
  public static final int MAX_VALUES = 3 * 32 * 32;

  private static final float HALF = (float) Math.sqrt(0.5);

  @JsonCreator
  public PixelBlend(
      @JsonProperty("pool") int pool,
      @JsonProperty("pixels") DenseProjection pixels,
      @JsonProperty("blend") DenseProjection blend) {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(blend, "blend");
    if (pool < 1) {
      throw new IllegalArgumentException("pixel blend pool must be at least 1, got " + pool);
    }
    if (blend.dimension() != blend.outputs() + pixels.outputs()) {
      throw new IllegalArgumentException(
          "the blend takes "
              + blend.dimension()
              + " values; the learned code ("
              + blend.outputs()
              + ") and the pixels' code ("
              + pixels.outputs()
              + ") give "
              + (blend.outputs() + pixels.outputs()));
    }
    this.pool = pool;
    this.pixels = pixels;
    this.blend = blend;
  }

  /**
   * Fits both projections.
   *
   * @param learned the unit learned codes of {@code images}, one row each
   */
  public static PixelBlend fit(float[][] learned, List<FloatImage> images) {
    if (learned.length != images.size() || learned.length == 0) {
      throw new IllegalArgumentException(
          "a pixel blend is fitted on as many codes as images, at least one; got "
              + learned.length
              + " and "
              + images.size());
    }
    int dimension = learned[0].length;
    int pool = poolFor(images.get(0));
    float[][] pooled = images.stream().map(image -> pooled(image, pool)).toArray(float[][]::new);
    DenseProjection pixels =
        DenseProjection.whitening(pooled, DenseCode.POWER, Math.min(dimension, pooled[0].length));
    float[][] pairs = new float[learned.length][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = pair(learned[i], pixels.apply(pooled[i]));
    }
    return new PixelBlend(pool, pixels, DenseProjection.principal(pairs, dimension));
  }

  /** The blended code (not yet unit) of a unit learned code and the image it was made from. */
  public float[] apply(float[] learned, FloatImage image) {
    if (learned.length != blend.outputs()) {
      throw new IllegalArgumentException(
          "learned code has " + learned.length + " values; the blend expects " + blend.outputs());
    }
    checkInput(image.width(), image.height(), image.channels());
    return blend.apply(pair(learned, pixels.apply(pooled(image, pool))));
  }

  /** Refuses an input size whose pooled pixels are not what the pixels' projection takes. */
  public void checkInput(int width, int height, int channels) {
    long values = (long) channels * ceil(height, pool) * ceil(width, pool);
    if (values != pixels.dimension()) {
      throw new IllegalArgumentException(
          String.format(
              "the pixel blend takes %d values (pooled by %d); a %dx%dx%d image gives %d",
              pixels.dimension(), pool, width, height, channels, values));
    }
  }

  /** The two unit codes side by side, each times √½ (equal weight; the pair has unit length). */
  private static float[] pair(float[] learned, float[] pixels) {
    float[] unitPixels = Vectors.unit(pixels);
    float[] pair = new float[learned.length + unitPixels.length];
    for (int i = 0; i < learned.length; i++) {
      pair[i] = HALF * learned[i];
    }
    for (int i = 0; i < unitPixels.length; i++) {
      pair[learned.length + i] = HALF * unitPixels[i];
    }
    return pair;
  }

  /** The smallest pooling that brings {@code image} to at most {@link #MAX_VALUES} values. */
  static int poolFor(FloatImage image) {
    int pool = 1;
    while ((long) image.channels() * ceil(image.height(), pool) * ceil(image.width(), pool)
        > MAX_VALUES) {
      pool++;
    }
    return pool;
  }

  /** Each channel averaged over squares of {@code pool} pixels (smaller ones at the edges). */
  static float[] pooled(FloatImage image, int pool) {
    if (pool == 1) {
      return image.pixels();
    }
    int width = ceil(image.width(), pool);
    int height = ceil(image.height(), pool);
    float[] out = new float[image.channels() * height * width];
    for (int c = 0; c < image.channels(); c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          double sum = 0;
          int n = 0;
          for (int yy = y * pool; yy < Math.min(image.height(), (y + 1) * pool); yy++) {
            for (int xx = x * pool; xx < Math.min(image.width(), (x + 1) * pool); xx++) {
              sum += image.pixel(c, yy, xx);
              n++;
            }
          }
          out[(c * height + y) * width + x] = (float) (sum / n);
        }
      }
    }
    return out;
  }

  private static int ceil(int pixels, int pool) {
    return (pixels + pool - 1) / pool;
  }
}
