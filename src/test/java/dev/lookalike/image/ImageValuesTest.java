package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageValuesTest {

  @Test
  void floatImageChecksItsLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new FloatImage(28, 28, 1, new float[783]));
    assertEquals("a 28x28x1 image needs 784 values, got 783", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FloatImage(28, 28, 3, new float[784]));
    assertThrows(IllegalArgumentException.class, () -> new FloatImage(28, 28, 1, null));
  }

  @Test
  void floatImageChecksItsShape() {
    assertEquals(
        "image width and height must be at least 1, got 0x5",
        assertThrows(IllegalArgumentException.class, () -> new FloatImage(0, 5, 1, new float[0]))
            .getMessage());
    assertEquals(
        "channels must be 1 (grey) or 3 (RGB), got 2",
        assertThrows(IllegalArgumentException.class, () -> new FloatImage(2, 2, 2, new float[8]))
            .getMessage());
    // width * height * channels overflowing int must not pass.
    assertThrows(
        IllegalArgumentException.class, () -> new FloatImage(65536, 65536, 1, new float[0]));
  }

  @Test
  void floatImageIsPlanar() {
    float[] pixels = new float[2 * 3 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i;
    }
    FloatImage image = new FloatImage(3, 2, 3, pixels);
    assertEquals(0f, image.pixel(0, 0, 0));
    assertEquals(5f, image.pixel(0, 1, 2));
    assertEquals(6f, image.pixel(1, 0, 0));
    assertEquals(17f, image.pixel(2, 1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> image.pixel(3, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> image.pixel(0, 2, 0));
  }

  @Test
  void fromGreyBytesReadsUnsignedBytes() {
    FloatImage image = FloatImage.fromGreyBytes(3, 1, new byte[] {0, (byte) 128, (byte) 255});
    assertEquals(0f, image.pixel(0, 0, 0));
    assertEquals(128 / 255f, image.pixel(0, 0, 1));
    assertEquals(1f, image.pixel(0, 0, 2));
    assertEquals(
        "a 28x28 grey image needs 784 bytes, got 10",
        assertThrows(
                IllegalArgumentException.class,
                () -> FloatImage.fromGreyBytes(28, 28, new byte[10]))
            .getMessage());
  }

  @Test
  void floatImageComparesValues() {
    FloatImage a = new FloatImage(1, 1, 1, new float[] {0.5f});
    assertEquals(a, new FloatImage(1, 1, 1, new float[] {0.5f}));
    assertEquals(a.hashCode(), new FloatImage(1, 1, 1, new float[] {0.5f}).hashCode());
    assertNotEquals(a, new FloatImage(1, 1, 1, new float[] {0.25f}));
    assertEquals("FloatImage[1x1x1]", a.toString());
  }

  @Test
  void imageSpecChecksSizeAndChannels() {
    assertEquals(28 * 28 * 3, ImageSpec.rgb(28).inputLength());
    assertEquals(
        "image size must be between 8 and 1024, got 7",
        assertThrows(IllegalArgumentException.class, () -> new ImageSpec(7, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ImageSpec(1025, 1));
    assertEquals(
        "channels must be 1 (grey) or 3 (RGB), got 4",
        assertThrows(IllegalArgumentException.class, () -> new ImageSpec(28, 4)).getMessage());
  }

  @Test
  void imageLimitsDefaultsAndChecks() {
    assertEquals(20L * 1024 * 1024, ImageLimits.defaults().maxBytes());
    assertEquals(50.0, ImageLimits.defaults().maxMegapixels());
    assertEquals(
        "maxBytes must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ImageLimits(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new ImageLimits(1, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new ImageLimits(1, Double.POSITIVE_INFINITY));
  }

  @Test
  void decodeHintPicksTheLargestSafeReduction() {
    DecodeHint hint = new DecodeHint(28, 96);
    assertEquals(8, hint.reductionFor(4000, 3000));
    assertEquals(4, hint.reductionFor(400, 300)); // 400 / 8 = 50 < 96
    assertEquals(2, hint.reductionFor(200, 60)); // 60 / 4 = 15 < 28
    assertEquals(1, hint.reductionFor(100, 60));
    assertEquals(1, DecodeHint.fullSize().reductionFor(40000, 30000));
    assertThrows(IllegalArgumentException.class, () -> new DecodeHint(-1, 0));
  }

  @Test
  void sniffsMagicBytes() {
    assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(null));
    assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(new byte[] {(byte) 0x89, 'P'}));
    assertEquals(ImageFormat.GIF, ImageFormat.sniff("GIF87a....".getBytes()));
    assertEquals(ImageFormat.TIFF, ImageFormat.sniff(new byte[] {'M', 'M', 0, 42}));
    assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff("RIFF1234WAVE".getBytes()));
    assertEquals("image/webp", ImageFormat.WEBP.mediaType());
  }

  @Test
  void exceptionNeedsAReason() {
    assertThrows(IllegalArgumentException.class, () -> new InvalidImageException(null, "x"));
    assertEquals(
        InvalidImageException.Reason.EMPTY,
        new InvalidImageException(InvalidImageException.Reason.EMPTY, "x").reason());
  }
}
