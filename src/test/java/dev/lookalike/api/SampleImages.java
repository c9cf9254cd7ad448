package dev.lookalike.api;

import dev.lookalike.collection.SampleCollection;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.Thumbnailer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG files of the bundled Fashion-MNIST sample images, as a user would upload them. */
public final class SampleImages {

  private static final LabeledImages SAMPLE = load();

  private SampleImages() {}

  private static LabeledImages load() {
    try {
      return SampleCollection.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png(int index) {
    return new Thumbnailer(28).pngFromFloatImage(SAMPLE.images().get(index));
  }

  /**
   * Sample image {@code index} enlarged to {@code side} pixels with a fine texture on top: an
   * upload whose 96-pixel thumbnail loses detail the full image has.
   */
  public static byte[] largePng(int index, int side) {
    FloatImage small = SAMPLE.images().get(index);
    float[] pixels = new float[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        float base = small.pixel(0, y * small.height() / side, x * small.width() / side);
        float texture = ((x ^ y) & 1) == 0 ? 0.15f : -0.15f;
        pixels[y * side + x] = Math.clamp(base + texture, 0f, 1f);
      }
    }
    return new Thumbnailer(side).pngFromFloatImage(new FloatImage(side, side, 1, pixels));
  }

  public static FloatImage image(int index) {
    return SAMPLE.images().get(index);
  }

  public static String label(int index) {
    return SAMPLE.labelName(index);
  }
}
