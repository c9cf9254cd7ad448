package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageDecoderTest {

  private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
  private final ImagePipeline grey28 =
      new ImagePipeline(ImageLimits.defaults(), ImageSpec.grey(28), 96);

  static Stream<Arguments> encodedHalfBlackHalfWhite() {
    return Stream.of(
        Arguments.of(
            "PNG",
            ImageFormat.PNG,
            TestImages.encode(".png", TestImages.halfBlackHalfWhite(100, 60))),
        Arguments.of(
            "JPEG",
            ImageFormat.JPEG,
            TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(100, 60))),
        Arguments.of(
            "BMP",
            ImageFormat.BMP,
            TestImages.encode(".bmp", TestImages.halfBlackHalfWhite(100, 60))),
        Arguments.of(
            "TIFF",
            ImageFormat.TIFF,
            TestImages.encode(".tif", TestImages.halfBlackHalfWhite(100, 60))),
        Arguments.of(
            "WebP lossless",
            ImageFormat.WEBP,
            TestImages.encode(
                ".webp",
                TestImages.halfBlackHalfWhite(100, 60),
                Imgcodecs.IMWRITE_WEBP_QUALITY,
                101)),
        Arguments.of(
            "WebP lossy",
            ImageFormat.WEBP,
            TestImages.encode(
                ".webp",
                TestImages.halfBlackHalfWhite(100, 60),
                Imgcodecs.IMWRITE_WEBP_QUALITY,
                90)),
        Arguments.of(
            "GIF",
            ImageFormat.GIF,
            TestImages.imageIo(TestImages.halfBlackHalfWhiteAwt(100, 60), "gif")),
        Arguments.of(
            "TIFF from ImageIO",
            ImageFormat.TIFF,
            TestImages.imageIo(TestImages.halfBlackHalfWhiteAwt(100, 60), "tiff")),
        Arguments.of(
            "big-endian TIFF",
            ImageFormat.TIFF,
            bigEndianTiff(TestImages.halfBlackHalfWhiteAwt(100, 60))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodedHalfBlackHalfWhite")
  void decodesEveryFormatToTheSamePicture(String name, ImageFormat format, byte[] bytes) {
    assertEquals(format, ImageFormat.sniff(bytes));
    if (format != ImageFormat.GIF) {
      assertEquals(new ImageSize(100, 60), ImageHeaders.read(format, bytes), "declared size");
    }
    Mat mat = decoder.decode(bytes);
    try {
      assertEquals(100, mat.cols());
      assertEquals(60, mat.rows());
      assertEquals(CvType.CV_8U, mat.depth());
    } finally {
      mat.release();
    }

    PreparedImage prepared = grey28.prepare(bytes);
    assertEquals(100, prepared.originalWidth());
    assertEquals(60, prepared.originalHeight());
    assertLeftDarkRightBright(prepared.input(), 0, 0.08f);
  }

  @Test
  void sixteenBitPngIsScaledToEightBits() {
    Mat deep = new Mat(60, 100, CvType.CV_16UC1, new Scalar(0));
    deep.colRange(50, 100).setTo(new Scalar(65535));
    deep.rowRange(0, 10).setTo(new Scalar(32896)); // 128 * 257
    byte[] png = TestImages.encode(".png", deep);

    Mat decoded = decoder.decode(png);
    try {
      assertEquals(CvType.CV_8UC1, decoded.type());
      assertEquals(128.0, decoded.get(5, 5)[0]);
      assertEquals(0.0, decoded.get(30, 5)[0]);
      assertEquals(255.0, decoded.get(30, 95)[0]);
    } finally {
      decoded.release();
    }
    FloatImage input = grey28.toInput(png);
    assertEquals(0f, input.pixel(0, 20, 3), 0.01f);
    assertEquals(1f, input.pixel(0, 20, 24), 0.01f);
    assertEquals(128 / 255f, input.pixel(0, 1, 3), 0.01f);
  }

  @Test
  void sixteenBitColourWithAlphaKeepsItsAlpha() {
    Mat deep = new Mat(20, 20, CvType.CV_16UC4, new Scalar(0, 0, 65535, 0)); // transparent red
    byte[] png = TestImages.encode(".png", deep);
    Mat decoded = decoder.decode(png);
    try {
      assertEquals(CvType.CV_8UC4, decoded.type());
      assertArrayEquals(new double[] {0, 0, 255, 0}, decoded.get(3, 3));
    } finally {
      decoded.release();
    }
    assertAll(grey28.toInput(png), 1f, 0.01f);
  }

  @Test
  void transparentGifBecomesWhite() {
    // Palette index 0 is black, index 1 transparent; the right half is transparent.
    IndexColorModel palette =
        new IndexColorModel(1, 2, new byte[] {0, 0}, new byte[] {0, 0}, new byte[] {0, 0}, 1);
    BufferedImage image = new BufferedImage(100, 60, BufferedImage.TYPE_BYTE_BINARY, palette);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < 60; y++) {
      for (int x = 50; x < 100; x++) {
        raster.setSample(x, y, 0, 1);
      }
    }
    byte[] gif = TestImages.imageIo(image, "gif");
    assertLeftDarkRightBright(grey28.toInput(gif), 0, 0.02f);
  }

  @Test
  void greyWithAlphaPngIsCompositedOverWhite() {
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(40, 40);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 40; x++) {
        raster.setSample(x, y, 0, 0); // black
        raster.setSample(x, y, 1, x < 20 ? 255 : 0); // left opaque, right transparent
      }
    }
    byte[] png = TestImages.imageIo(new BufferedImage(model, raster, false, null), "png");
    assertLeftDarkRightBright(grey28.toInput(png), 0, 0.02f);
  }

  @Test
  void jpegExifOrientationIsApplied() {
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(100, 60));
    byte[] rotated = TestImages.withExifOrientation(jpeg, 6); // rotate 90 degrees clockwise
    Mat mat = decoder.decode(rotated);
    try {
      assertEquals(60, mat.cols());
      assertEquals(100, mat.rows());
      // Left half (black) goes to the top.
      assertTrue(mat.get(10, 30)[0] < 20, "top is dark");
      assertTrue(mat.get(90, 30)[0] > 235, "bottom is bright");
    } finally {
      mat.release();
    }
    PreparedImage prepared = grey28.prepare(rotated);
    assertEquals(60, prepared.originalWidth());
    assertEquals(100, prepared.originalHeight());
  }

  @Test
  void greyJpegStaysOneChannel() {
    Mat grey = new Mat(60, 100, CvType.CV_8UC1, new Scalar(200));
    Mat mat = decoder.decode(TestImages.encode(".jpg", grey));
    try {
      assertEquals(CvType.CV_8UC1, mat.type());
      assertEquals(200, mat.get(30, 50)[0], 2);
    } finally {
      mat.release();
    }
  }

  @Test
  void largeJpegIsDecodedReducedButReportsItsFullSize() {
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(1600, 1200));
    try (DecodedImage decoded = decoder.decode(jpeg, new DecodeHint(28, 96))) {
      assertEquals(8, decoded.reduction());
      assertEquals(200, decoded.mat().cols());
      assertEquals(150, decoded.mat().rows());
      assertEquals(1600, decoded.originalWidth());
      assertEquals(1200, decoded.originalHeight());
    }
    try (DecodedImage decoded = decoder.decode(jpeg, new DecodeHint(400, 96))) {
      assertEquals(2, decoded.reduction());
      assertEquals(800, decoded.mat().cols());
    }
    try (DecodedImage decoded = decoder.decode(jpeg, DecodeHint.fullSize())) {
      assertEquals(1, decoded.reduction());
      assertEquals(1600, decoded.mat().cols());
    }
    // PNG is never reduced: OpenCV would only resize it after a full decode, with aliasing.
    byte[] png = TestImages.encode(".png", TestImages.halfBlackHalfWhite(1600, 1200));
    try (DecodedImage decoded = decoder.decode(png, new DecodeHint(28, 96))) {
      assertEquals(1, decoded.reduction());
      assertEquals(1600, decoded.mat().cols());
    }
  }

  @Test
  void reducedRotatedJpegReportsTheRotatedSize() {
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(1600, 1200));
    byte[] rotated = TestImages.withExifOrientation(jpeg, 6);
    try (DecodedImage decoded = decoder.decode(rotated, new DecodeHint(28, 96))) {
      assertEquals(8, decoded.reduction());
      assertEquals(150, decoded.mat().cols());
      assertEquals(1200, decoded.originalWidth());
      assertEquals(1600, decoded.originalHeight());
    }
  }

  /**
   * Columns left of the middle are near 0, right of it near 1 (a 28-wide input has an edge at 14).
   */
  static void assertLeftDarkRightBright(FloatImage input, int channel, float tolerance) {
    int w = input.width();
    for (int y = 0; y < input.height(); y++) {
      for (int x = 0; x < w / 2 - 1; x++) {
        assertEquals(0f, input.pixel(channel, y, x), tolerance, "dark at x=" + x + ", y=" + y);
      }
      for (int x = w / 2 + 1; x < w; x++) {
        assertEquals(1f, input.pixel(channel, y, x), tolerance, "bright at x=" + x + ", y=" + y);
      }
    }
  }

  static void assertAll(FloatImage input, float expected, float tolerance) {
    float[] pixels = input.pixels();
    for (int i = 0; i < pixels.length; i++) {
      assertEquals(expected, pixels[i], tolerance, "value " + i);
    }
  }

  private static byte[] bigEndianTiff(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      stream.setByteOrder(ByteOrder.BIG_ENDIAN);
      writer.setOutput(stream);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] bytes = out.toByteArray();
    if (bytes[0] != 'M') {
      throw new IllegalStateException("expected a big-endian TIFF");
    }
    return bytes;
  }
}
