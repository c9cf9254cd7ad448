package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import dev.lookalike.image.GaussianBlur;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Random label-preserving views of a batch for the invariance terms, drawn as {@link ViewSettings}
 * say. Geometry first: either a shift of up to {@code shift} pixels and a zoom about the centre, or
 * (crop below 1) a random resized crop keeping a share of the area in [crop, 1] at an aspect ratio
 * in [3/4, 4/3]; then an optional left-right mirror (never vertical flips or large rotations, which
 * change what many pictures show). Then, for colour images, an optional turn of the hue; then
 * photometric jitter: brightness and contrast, and for colour images saturation and, one view in
 * five, greyscale; last, at a given chance, a Gaussian blur. Pixels brought in from outside the
 * image are 0. Done on the host: a batch is small and per-image warps are awkward as tensor ops.
 * Options left at 0 draw no random numbers, so adding one leaves the others' draws as they were.
 */
public final class RandomViews implements UnaryOperator<NDArray> {

  private static final float GREYSCALE_CHANCE = 0.2f;

  private final ViewSettings settings;
  private final Random random;

  public RandomViews(ViewSettings settings, Random random) {
    this.settings = settings;
    this.random = random;
  }

  @Override
  public NDArray apply(NDArray batch) {
    long[] s = batch.getShape().getShape();
    int n = (int) s[0];
    int planes = (int) s[1];
    int h = (int) s[2];
    int w = (int) s[3];
    float[] in = batch.toFloatArray();
    float[] out = new float[in.length];
    for (int i = 0; i < n; i++) {
      Warp warp = warp(w, h);
      boolean mirror = settings.flip() && random.nextBoolean();
      for (int c = 0; c < planes; c++) {
        int plane = (i * planes + c) * h * w;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            float sx = warp.x0 + (mirror ? w - 1 - x : x) * warp.scaleX;
            float sy = warp.y0 + y * warp.scaleY;
            out[plane + y * w + x] = bilinear(in, plane, w, h, sx, sy);
          }
        }
      }
      int start = i * planes * h * w;
      if (planes == 3 && settings.hue() > 0) {
        turnHue(out, start, h * w, settings.hue() * (2 * random.nextFloat() - 1));
      }
      if (settings.jitter() > 0) {
        jitter(out, start, planes, h * w);
      }
      if (settings.blur() > 0 && random.nextFloat() < settings.blur()) {
        blur(out, start, planes, w, h);
      }
    }
    return batch.getManager().create(out, batch.getShape());
  }

  /** Output pixel (x, y) samples the input at (x0 + x·scaleX, y0 + y·scaleY). */
  private record Warp(float x0, float y0, float scaleX, float scaleY) {}

  private Warp warp(int w, int h) {
    if (settings.crop() < 1) {
      double area = settings.crop() + (1 - settings.crop()) * random.nextDouble();
      double aspect =
          Math.exp(Math.log(0.75) + (Math.log(4 / 3.0) - Math.log(0.75)) * random.nextDouble());
      float cw = (float) Math.min(w, w * Math.sqrt(area * aspect));
      float ch = (float) Math.min(h, h * Math.sqrt(area / aspect));
      float x0 = random.nextFloat() * (w - cw);
      float y0 = random.nextFloat() * (h - ch);
      return new Warp(x0, y0, cw / w, ch / h);
    }
    int shift = settings.shift();
    int dx = random.nextInt(2 * shift + 1) - shift;
    int dy = random.nextInt(2 * shift + 1) - shift;
    float zoom = settings.zoom();
    float scale = zoom == 0 ? 1f : 1f + zoom * (2 * random.nextFloat() - 1);
    // x' = c + (x − d − c) / scale, written as x0 + x · (1 / scale)
    float cx = (w - 1) / 2f;
    float cy = (h - 1) / 2f;
    return new Warp(cx - (dx + cx) / scale, cy - (dy + cy) / scale, 1 / scale, 1 / scale);
  }

  /** Brightness and contrast (and colour) changes of one image's planes, clamped to [0, 1]. */
  private void jitter(float[] pixels, int start, int planes, int area) {
    float strength = settings.jitter();
    float brightness = 1 + strength * (2 * random.nextFloat() - 1);
    float contrast = 1 + strength * (2 * random.nextFloat() - 1);
    float saturation = 1 + strength * (2 * random.nextFloat() - 1);
    boolean grey = planes == 3 && random.nextFloat() < GREYSCALE_CHANCE;
    int size = planes * area;
    float mean = 0;
    for (int i = 0; i < size; i++) {
      mean += pixels[start + i] / size;
    }
    for (int p = 0; p < area; p++) {
      float luma = 0;
      if (planes == 3) {
        luma =
            0.299f * pixels[start + p]
                + 0.587f * pixels[start + area + p]
                + 0.114f * pixels[start + 2 * area + p];
      }
      for (int c = 0; c < planes; c++) {
        int at = start + c * area + p;
        float v = pixels[at];
        if (planes == 3) {
          v = grey ? luma : luma + saturation * (v - luma);
        }
        v = ((v - mean) * contrast + mean) * brightness;
        pixels[at] = clamp(v);
      }
    }
  }

  /**
   * Turns the hue of one RGB image by {@code turns} of a full circle: a rotation of the chroma
   * plane (I, Q) of YIQ, which keeps each pixel's luma.
   */
  private static void turnHue(float[] pixels, int start, int area, float turns) {
    double angle = 2 * Math.PI * turns;
    float cos = (float) Math.cos(angle);
    float sin = (float) Math.sin(angle);
    for (int p = start; p < start + area; p++) {
      float r = pixels[p];
      float g = pixels[p + area];
      float b = pixels[p + 2 * area];
      float y = 0.299f * r + 0.587f * g + 0.114f * b;
      float i = 0.596f * r - 0.274f * g - 0.322f * b;
      float q = 0.211f * r - 0.523f * g + 0.312f * b;
      float turnedI = i * cos - q * sin;
      float turnedQ = i * sin + q * cos;
      pixels[p] = clamp(y + 0.956f * turnedI + 0.621f * turnedQ);
      pixels[p + area] = clamp(y - 0.272f * turnedI - 0.647f * turnedQ);
      pixels[p + 2 * area] = clamp(y - 1.106f * turnedI + 1.703f * turnedQ);
    }
  }

  /** Blurs each plane of one image, σ drawn in [0.1, side / 20]. */
  private void blur(float[] pixels, int start, int planes, int w, int h) {
    double most = Math.max(0.1, Math.min(w, h) / 20.0);
    double sigma = 0.1 + (most - 0.1) * random.nextDouble();
    int area = w * h;
    for (int c = 0; c < planes; c++) {
      int from = start + c * area;
      float[] blurred =
          GaussianBlur.blur(Arrays.copyOfRange(pixels, from, from + area), w, h, sigma);
      System.arraycopy(blurred, 0, pixels, from, area);
    }
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  /** The plane's value at (x, y), 0 outside; exact at integer positions. */
  private static float bilinear(float[] pixels, int plane, int w, int h, float x, float y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = x - x0;
    float fy = y - y0;
    return (1 - fx) * (1 - fy) * at(pixels, plane, w, h, x0, y0)
        + fx * (1 - fy) * at(pixels, plane, w, h, x0 + 1, y0)
        + (1 - fx) * fy * at(pixels, plane, w, h, x0, y0 + 1)
        + fx * fy * at(pixels, plane, w, h, x0 + 1, y0 + 1);
  }

  private static float at(float[] pixels, int plane, int w, int h, int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : pixels[plane + y * w + x];
  }
}
