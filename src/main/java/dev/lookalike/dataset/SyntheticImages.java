package dev.lookalike.dataset;

import dev.lookalike.image.FloatImage;
import java.util.SplittableRandom;

/**
 * A benchmark collection of any size derived from real images: image {@code i} is base image {@code
 * i mod n}, shifted, scaled, brightened, contrasted and noised by amounts drawn from a generator
 * seeded by {@code i} alone, with the base image's label. So the collection is deterministic (the
 * same {@code i} is the same picture on every run and machine), its images are distinct, and it is
 * made one image at a time: a million images never sit in memory or on disk.
 *
 * <p>Named on the command line as {@code synthetic:fashion-mnist:N}: N images derived from the
 * Fashion-MNIST training split.
 */
public final class SyntheticImages {

  /** The scheme of a synthetic data source. */
  public static final String SCHEME = "synthetic";

  private static final int MAX_SHIFT = 3;
  private static final double MAX_SCALE_CHANGE = 0.15;
  private static final double MAX_BRIGHTNESS = 0.1;
  private static final double MAX_CONTRAST_CHANGE = 0.2;
  private static final double NOISE_SIGMA = 0.03;

  private final LabeledImages base;
  private final long size;
  private final String name;

  /**
   * @param name the spec, e.g. {@code synthetic:fashion-mnist:1000000}; item URIs are {@code
   *     name#i}
   */
  public SyntheticImages(String name, LabeledImages base, long size) {
    if (base.size() == 0 || size < 1) {
      throw new IllegalArgumentException(
          "a synthetic collection needs base images and a size >= 1");
    }
    this.name = name;
    this.base = base;
    this.size = size;
  }

  public long size() {
    return size;
  }

  public String uri(long i) {
    return name + "#" + i;
  }

  public String labelName(long i) {
    return base.labelName(baseIndex(i));
  }

  /** Image {@code i}: always the same picture for the same {@code i}. */
  public FloatImage image(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i + " is outside [0, " + size + ")");
    }
    FloatImage source = base.images().get(baseIndex(i));
    SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    double dx = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1) + random.nextDouble(-0.5, 0.5);
    double dy = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1) + random.nextDouble(-0.5, 0.5);
    double scale = 1 + random.nextDouble(-MAX_SCALE_CHANGE, MAX_SCALE_CHANGE);
    double brightness = random.nextDouble(-MAX_BRIGHTNESS, MAX_BRIGHTNESS);
    double contrast = 1 + random.nextDouble(-MAX_CONTRAST_CHANGE, MAX_CONTRAST_CHANGE);
    return transform(source, dx, dy, scale, brightness, contrast, random);
  }

  private int baseIndex(long i) {
    return (int) (i % base.size());
  }

  /** An affine resampling about the centre (bilinear, black outside), then the photometry. */
  private static FloatImage transform(
      FloatImage source,
      double dx,
      double dy,
      double scale,
      double brightness,
      double contrast,
      SplittableRandom random) {
    int w = source.width();
    int h = source.height();
    int plane = w * h;
    float[] in = source.pixels();
    float[] out = new float[in.length];
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    for (int c = 0; c < source.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double sx = (x - cx - dx) / scale + cx;
          double sy = (y - cy - dy) / scale + cy;
          double v = bilinear(in, c * plane, w, h, sx, sy);
          v = v * contrast + brightness + random.nextGaussian() * NOISE_SIGMA;
          out[c * plane + y * w + x] = (float) Math.clamp(v, 0, 1);
        }
      }
    }
    return new FloatImage(w, h, source.channels(), out);
  }

  private static double bilinear(float[] p, int offset, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    return (1 - fy)
            * ((1 - fx) * at(p, offset, w, h, x0, y0) + fx * at(p, offset, w, h, x0 + 1, y0))
        + fy
            * ((1 - fx) * at(p, offset, w, h, x0, y0 + 1)
                + fx * at(p, offset, w, h, x0 + 1, y0 + 1));
  }

  private static float at(float[] p, int offset, int w, int h, int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : p[offset + y * w + x];
  }
}
