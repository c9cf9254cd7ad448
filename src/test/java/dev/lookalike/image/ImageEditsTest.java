package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.collection.SampleCollection;
import dev.lookalike.dataset.LabeledImages;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageEditsTest {

  private final ImagePipeline pipeline = ImagePipeline.withDefaults(ImageSpec.grey(28));

  @Test
  void aCopyIsAJpegOfTheSameSubjectThatDiffersInEveryPixelSense() throws IOException {
    LabeledImages sample = SampleCollection.load();
    ImageEdits edits = new ImageEdits(1);
    double mean = 0;
    for (int i = 0; i < 20; i++) {
      FloatImage original = sample.images().get(i);
      byte[] copy = edits.copyOf(original);
      assertEquals(ImageFormat.JPEG, ImageFormat.sniff(copy));
      FloatImage decoded = pipeline.toInput(copy);
      double correlation = correlation(original.pixels(), decoded.pixels());
      assertTrue(correlation > 0.3, "image " + i + " still shows its subject: " + correlation);
      assertTrue(correlation < 0.995, "image " + i + " was edited: " + correlation);
      mean += correlation / 20;
    }
    // Shifted and turned, a copy no longer lines up pixel for pixel, yet mostly does.
    assertTrue(mean > 0.6, "mean correlation with the originals: " + mean);
  }

  @Test
  void theSameSeedMakesTheSameCopies() throws IOException {
    FloatImage original = SampleCollection.load().images().get(3);
    assertArrayEquals(new ImageEdits(7).copyOf(original), new ImageEdits(7).copyOf(original));
    assertFalse(
        Arrays.equals(new ImageEdits(7).copyOf(original), new ImageEdits(8).copyOf(original)));
  }

  private static double correlation(float[] a, float[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / Math.sqrt(aa * bb);
  }
}
