package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.InvalidImageException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** What the decoder refuses, and how early: sizes, bytes, damaged and unsupported input. */
class ImageDecoderRefusalTest {

  private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
  private final ImagePipeline grey28 =
      new ImagePipeline(ImageLimits.defaults(), ImageSpec.grey(28), 96);

  @Test
  void readsBigSizesFromEveryHeaderWithoutDecoding() {
    ImageDecoder strict = new ImageDecoder(new ImageLimits(1_000_000, 50));
    assertTooLarge(
        strict,
        TestImages.pngHeaderOnly(20000, 20000),
        "20000x20000 = 400.0 megapixels; the limit is 50.0");
    assertTooLarge(
        strict, TestImages.jpegHeaderOnly(30000, 20000), "30000x20000 = 600.0 megapixels");
    assertTooLarge(strict, TestImages.gifHeaderOnly(65535, 65535), "65535x65535");
    assertTooLarge(strict, TestImages.gifWithLargeFrame(20000, 20000), "20000x20000");
    assertTooLarge(strict, TestImages.bmpHeaderOnly(30000, 30000), "30000x30000");
    assertTooLarge(strict, TestImages.webpVp8xHeaderOnly(20000, 20000), "20000x20000");
    assertTooLarge(strict, TestImages.tiffHeaderOnly(20000, 20000), "20000x20000");
  }

  @Test
  void theMessageForTooManyPixelsIsForPeople() {
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class,
            () -> grey28.prepare(TestImages.pngHeaderOnly(20000, 20000)));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals("the image is 20000x20000 = 400.0 megapixels; the limit is 50.0", e.getMessage());
  }

  @Test
  void refusesMoreBytesThanTheLimit() {
    byte[] png = TestImages.encode(".png", TestImages.halfBlackHalfWhite(100, 60));
    ImageDecoder small = new ImageDecoder(new ImageLimits(png.length - 1, 50));
    InvalidImageException e = assertThrows(InvalidImageException.class, () -> small.decode(png));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains(png.length + " bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("limit is " + (png.length - 1) + " bytes"), e.getMessage());
    Mat mat = new ImageDecoder(new ImageLimits(png.length, 50)).decode(png);
    mat.release();
  }

  @Test
  void refusesNoBytesAsEmpty() {
    assertEquals(
        Reason.EMPTY,
        assertThrows(InvalidImageException.class, () -> decoder.decode(new byte[0])).reason());
    assertEquals(
        Reason.EMPTY,
        assertThrows(InvalidImageException.class, () -> decoder.decode(null)).reason());
    assertEquals(
        Reason.EMPTY,
        assertThrows(InvalidImageException.class, () -> grey28.toInput(new byte[0])).reason());
  }

  @Test
  void refusesRandomBytesAndTextAsUnsupported() {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    random[0] = 0x00; // make sure no magic number is hit by chance
    assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(random));
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> grey28.prepare(random));
    assertEquals(Reason.UNSUPPORTED_TYPE, e.reason());
    assertTrue(e.getMessage().contains("PNG, JPEG, BMP, TIFF, WebP or GIF"), e.getMessage());

    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        Reason.UNSUPPORTED_TYPE,
        assertThrows(InvalidImageException.class, () -> grey28.prepare(hello)).reason());

    byte[] bmText = "BMW is a car maker, not a bitmap".getBytes(StandardCharsets.US_ASCII);
    assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(bmText));
    assertEquals(
        Reason.UNSUPPORTED_TYPE,
        assertThrows(InvalidImageException.class, () -> decoder.decode(bmText)).reason());
  }

  @Test
  void refusesTruncatedKnownFormatsAsUndecodable() {
    byte[] png = TestImages.encode(".png", TestImages.noise(200, 120));
    assertUndecodable(Arrays.copyOf(png, png.length / 2));
    byte[] jpeg = TestImages.encode(".jpg", TestImages.noise(200, 120));
    assertUndecodable(Arrays.copyOf(jpeg, jpeg.length / 2));
    assertUndecodable(Arrays.copyOf(jpeg, 40)); // ends before the frame header
    byte[] gif = TestImages.imageIo(TestImages.halfBlackHalfWhiteAwt(100, 60), "gif");
    assertUndecodable(Arrays.copyOf(gif, 30));
    assertUndecodable(Arrays.copyOf(png, 20)); // ends inside the IHDR chunk
    for (String extension : new String[] {".bmp", ".tif", ".webp"}) {
      byte[] full = TestImages.encode(extension, TestImages.noise(200, 120));
      assertUndecodable(Arrays.copyOf(full, full.length * 2 / 3));
    }
    byte[] noisyGif = TestImages.imageIo(TestImages.noiseAwt(200, 120), "gif");
    assertUndecodable(Arrays.copyOf(noisyGif, noisyGif.length * 2 / 3));
    byte[] damagedHeader = png.clone();
    damagedHeader[12] = 'X'; // IHDR renamed
    assertUndecodable(damagedHeader);
  }

  @Test
  void refusesAZeroSizedHeaderAsUndecodable() {
    assertUndecodable(TestImages.pngHeaderOnly(0, 10));
    assertUndecodable(TestImages.gifHeaderOnly(10, 0));
  }

  @Test
  void formatsWithoutAHeaderCheckAreRefusedBeforeDecoding() {
    // OpenCV could decode a PPM, but its size would only be known after decoding it.
    byte[] ppm = TestImages.encode(".ppm", TestImages.halfBlackHalfWhite(100, 60));
    assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(ppm));
    InvalidImageException e = assertThrows(InvalidImageException.class, () -> grey28.toInput(ppm));
    assertEquals(Reason.UNSUPPORTED_TYPE, e.reason());
    assertTrue(e.getMessage().contains("not an image in a supported format"), e.getMessage());
  }

  private void assertUndecodable(byte[] bytes) {
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> grey28.prepare(bytes));
    assertEquals(Reason.UNDECODABLE, e.reason(), e.getMessage());
  }

  private static void assertTooLarge(ImageDecoder decoder, byte[] bytes, String messagePart) {
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> decoder.decode(bytes));
    assertEquals(Reason.TOO_LARGE, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @Test
  void acceptsJpegsWithDataAfterTheEndMarker() {
    // Motion photos and some cameras append data after EOI; only a missing EOI means truncation.
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(100, 60));
    byte[] junk = new byte[5000];
    new Random(7).nextBytes(junk);
    byte[] trailer = Arrays.copyOf(jpeg, jpeg.length + junk.length);
    System.arraycopy(junk, 0, trailer, jpeg.length, junk.length);
    ImageDecoderTest.assertLeftDarkRightBright(grey28.toInput(trailer), 0, 0.08f);
  }

  @Test
  void refusesAJpegWithoutItsEndMarker() {
    byte[] jpeg = TestImages.encode(".jpg", TestImages.noise(200, 120));
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class,
            () -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length - 2)));
    assertEquals(Reason.UNDECODABLE, e.reason());
    assertEquals("the JPEG image is truncated: its end marker is missing", e.getMessage());
  }

  /** Inputs the fuzzer found taking seconds each, now refused before decoding. */
  @Test
  void fuzzerFindsAreRefusedBeforeDecoding() throws Exception {
    byte[] gif = resource("gif-frame-far-larger-than-file.bin");
    InvalidImageException frame =
        assertThrows(InvalidImageException.class, () -> decoder.decode(gif));
    assertEquals(Reason.UNDECODABLE, frame.reason());
    assertTrue(
        frame.getMessage().contains("3847x12820 pixels in only 156 bytes"), frame.getMessage());

    byte[] tiff = resource("tiff-strip-beyond-end.bin");
    InvalidImageException strip =
        assertThrows(InvalidImageException.class, () -> decoder.decode(tiff));
    assertTrue(strip.getMessage().contains("beyond the end of the file"), strip.getMessage());
  }

  @Test
  void aHeaderDeclaringMorePixelsThanItsFormatCanHoldIsDamaged() {
    byte[] png = TestImages.pngHeaderOnly(7000, 7000); // 49 MP, under the limit, in 57 bytes
    InvalidImageException e = assertThrows(InvalidImageException.class, () -> decoder.decode(png));
    assertEquals(Reason.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().contains("more than the format can describe"), e.getMessage());
  }

  private static byte[] resource(String name) throws java.io.IOException {
    try (var in = ImageDecoderRefusalTest.class.getResourceAsStream("/fuzz/" + name)) {
      return in.readAllBytes();
    }
  }
}
