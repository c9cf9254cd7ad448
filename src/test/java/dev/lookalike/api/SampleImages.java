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

  public static FloatImage image(int index) {
    return SAMPLE.images().get(index);
  }

  public static String label(int index) {
    return SAMPLE.labelName(index);
  }
}
