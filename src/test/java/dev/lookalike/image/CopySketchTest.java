package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A stored thumbnail sketches as the model-size picture a query is made of. */
class CopySketchTest {

  /** Soft random blobs, in each channel independently: a smooth picture with some layout. */
  private static FloatImage blobs(int side, int channels, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[channels * side * side];
    for (int c = 0; c < channels; c++) {
      for (int blob = 0; blob < 5; blob++) {
        double cx = random.nextDouble() * side;
        double cy = random.nextDouble() * side;
        double radius = side / 10.0 + random.nextDouble() * side / 5.0;
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
            pixels[c * side * side + y * side + x] +=
                (float) (0.5 * Math.exp(-d2 / (2 * radius * radius)));
          }
        }
      }
    }
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = Math.min(1f, pixels[i]);
    }
    return new FloatImage(side, side, channels, pixels);
  }

  private static int largestDifference(byte[] a, byte[] b) {
    assertEquals(CopySketch.SIDE * CopySketch.SIDE, a.length);
    assertEquals(a.length, b.length);
    int largest = 0;
    for (int i = 0; i < a.length; i++) {
      largest = Math.max(largest, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
    }
    return largest;
  }

  private static byte[] ofItsThumbnail(FloatImage image) {
    return CopySketch.ofThumbnail(new Thumbnailer().pngFromFloatImage(image)).orElseThrow();
  }

  @Test
  void aGreyThumbnailSketchesAsThePictureItWasMadeOf() {
    FloatImage image = blobs(28, 1, 1);
    // the PNG rounds each pixel to 8 bits; the blur averages that away to a level at most
    assertTrue(largestDifference(CopySketch.of(image), ofItsThumbnail(image)) <= 1);
  }

  @Test
  void colourIsWeighedAsOpenCvTurnsAThumbnailGrey() {
    FloatImage image = blobs(32, 3, 2);
    assertTrue(largestDifference(CopySketch.of(image), ofItsThumbnail(image)) <= 1);
  }

  @Test
  void theSketchDescribesTheLayoutWhateverTheSize() {
    FloatImage large = blobs(96, 1, 3);
    FloatImage small = new ImagePreprocessor(ImageSpec.grey(28)).toInput(large);
    assertTrue(largestDifference(CopySketch.of(large), CopySketch.of(small)) <= 6);
  }

  @Test
  void noThumbnailOrADamagedOneHasNoSketch() {
    assertTrue(CopySketch.ofThumbnail(new byte[0]).isEmpty());
    assertTrue(CopySketch.ofThumbnail(null).isEmpty());
    assertTrue(CopySketch.ofThumbnail(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}).isEmpty());
  }

  @Test
  void valuesAreTheCellsScaledToOneAndRefuseAnotherLength() {
    byte[] sketch = new byte[CopySketch.SIDE * CopySketch.SIDE];
    sketch[3] = (byte) 255;
    sketch[4] = (byte) 51;
    float[] values = CopySketch.values(sketch);
    assertEquals(1f, values[3]);
    assertEquals(0.2f, values[4], 1e-6);
    assertThrows(IllegalArgumentException.class, () -> CopySketch.values(new byte[10]));
  }
}
