package dev.lookalike.image;

import static dev.lookalike.image.ImageDecoderTest.assertAll;
import static dev.lookalike.image.ImageDecoderTest.assertLeftDarkRightBright;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class ImagePreprocessorTest {

  private final ImagePreprocessor grey = new ImagePreprocessor(ImageSpec.grey(28));
  private final ImagePreprocessor rgb = new ImagePreprocessor(ImageSpec.rgb(32));
  private final ImagePipeline greyPipeline = ImagePipeline.withDefaults(ImageSpec.grey(28));

  @Test
  void halfBlackHalfWhiteBecomesLeftZeroRightOne() {
    Mat mat = TestImages.halfBlackHalfWhite(100, 60);
    try {
      FloatImage input = grey.toInput(mat);
      assertEquals(28, input.width());
      assertEquals(28, input.height());
      assertEquals(1, input.channels());
      assertLeftDarkRightBright(input, 0, 1e-6f); // exact: the edge falls between columns 13 and 14
      assertEquals(0f, input.pixel(0, 10, 13), 1e-6f);
      assertEquals(1f, input.pixel(0, 10, 14), 1e-6f);
    } finally {
      mat.release();
    }
  }

  @Test
  void fullyTransparentBecomesWhite() {
    Mat transparent = new Mat(50, 70, CvType.CV_8UC4, new Scalar(0, 0, 0, 0));
    byte[] png = TestImages.encode(".png", transparent);
    assertAll(greyPipeline.toInput(png), 1f, 1e-6f);
    assertAll(ImagePipeline.withDefaults(ImageSpec.rgb(16)).toInput(png), 1f, 1e-6f);
  }

  @Test
  void halfTransparentRedIsBlendedOverWhite() {
    int alpha = 128;
    Mat red = new Mat(10, 10, CvType.CV_8UC4, new Scalar(0, 0, 255, alpha));
    byte[] png = TestImages.encode(".png", red);
    // Over white: R = 255, G = B = 255 - alpha; grey = 0.299 R + 0.587 G + 0.114 B.
    double background = 255 - alpha;
    double expectedGrey = (0.299 * 255 + 0.587 * background + 0.114 * background) / 255;
    FloatImage greyInput = greyPipeline.toInput(png);
    assertAll(greyInput, (float) expectedGrey, 1.5f / 255);
    assertTrue(Math.abs(expectedGrey - 0.648) < 0.002, "expected grey " + expectedGrey);

    FloatImage rgbInput = ImagePipeline.withDefaults(ImageSpec.rgb(8)).toInput(png);
    assertEquals(1f, rgbInput.pixel(0, 4, 4), 1f / 255);
    assertEquals((float) (background / 255), rgbInput.pixel(1, 4, 4), 1f / 255);
    assertEquals((float) (background / 255), rgbInput.pixel(2, 4, 4), 1f / 255);
  }

  @Test
  void rgbSpecPutsRedInChannelZero() {
    Mat red = new Mat(40, 30, CvType.CV_8UC3, new Scalar(0, 0, 255)); // BGR
    try {
      FloatImage input = rgb.toInput(red);
      assertEquals(3, input.channels());
      assertEquals(32, input.width());
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          assertEquals(1f, input.pixel(0, y, x), 1e-6f);
          assertEquals(0f, input.pixel(1, y, x), 1e-6f);
          assertEquals(0f, input.pixel(2, y, x), 1e-6f);
        }
      }
    } finally {
      red.release();
    }
  }

  @Test
  void rgbSpecOfDistinctChannels() {
    Mat mat = new Mat(16, 16, CvType.CV_8UC3, new Scalar(30, 120, 210)); // B, G, R
    try {
      FloatImage input = rgb.toInput(mat);
      assertEquals(210 / 255f, input.pixel(0, 5, 5), 1e-6f);
      assertEquals(120 / 255f, input.pixel(1, 5, 5), 1e-6f);
      assertEquals(30 / 255f, input.pixel(2, 5, 5), 1e-6f);
    } finally {
      mat.release();
    }
  }

  @Test
  void greyPictureGivesEqualRgbChannels() {
    Mat mat = new Mat(16, 16, CvType.CV_8UC1, new Scalar(51));
    try {
      FloatImage input = rgb.toInput(mat);
      for (int c = 0; c < 3; c++) {
        assertEquals(0.2f, input.pixel(c, 7, 7), 1e-6f);
      }
    } finally {
      mat.release();
    }
  }

  @Test
  void stretchesRatherThanLetterboxes() {
    // A wide, short picture: a letterbox would add white or black bars above and below.
    Mat wide = new Mat(10, 300, CvType.CV_8UC1, new Scalar(100));
    try {
      assertAll(grey.toInput(wide), 100 / 255f, 1e-6f);
    } finally {
      wide.release();
    }
  }

  @Test
  void enlargesSmallPictures() {
    Mat small = TestImages.halfBlackHalfWhite(8, 8);
    try {
      FloatImage input = grey.toInput(small);
      assertEquals(0f, input.pixel(0, 3, 0), 1e-6f);
      assertEquals(1f, input.pixel(0, 3, 27), 1e-6f);
    } finally {
      small.release();
    }
  }

  @Test
  void shrinksByAreaSoFineStripesAverage() {
    // One-pixel stripes shrunk 10x must average to grey, not alias to black or white.
    Mat stripes = new Mat(280, 280, CvType.CV_8UC1, new Scalar(0));
    for (int x = 0; x < 280; x += 2) {
      stripes.col(x).setTo(new Scalar(255));
    }
    try {
      assertAll(grey.toInput(stripes), 0.5f, 0.01f);
    } finally {
      stripes.release();
    }
  }

  @Test
  void leavesTheCallersMatUntouched() {
    Mat bgra = new Mat(30, 30, CvType.CV_8UC4, new Scalar(10, 20, 30, 40));
    try {
      grey.toInput(bgra);
      rgb.toInput(bgra);
      assertEquals(CvType.CV_8UC4, bgra.type());
      assertEquals(40.0, bgra.get(3, 3)[3]);
      assertEquals(10.0, bgra.get(3, 3)[0]);
    } finally {
      bgra.release();
    }
  }

  @Test
  void refusesMatsTheDecoderNeverMakes() {
    Mat deep = new Mat(10, 10, CvType.CV_16UC1);
    Mat empty = new Mat();
    try {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> grey.toInput(deep));
      assertTrue(e.getMessage().contains("CV_16UC1"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> grey.toInput(empty));
    } finally {
      deep.release();
    }
  }

  @Test
  void floatImageThatFitsIsReturnedAsIs() {
    byte[] bytes = new byte[28 * 28];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    FloatImage image = FloatImage.fromGreyBytes(28, 28, bytes);
    assertSame(image, grey.toInput(image));
  }

  @Test
  void floatImageIsResizedAndConvertedToTheSpec() {
    float[] values = new float[28 * 28];
    for (int y = 0; y < 28; y++) {
      for (int x = 14; x < 28; x++) {
        values[y * 28 + x] = 1f;
      }
    }
    FloatImage input = rgb.toInput(new FloatImage(28, 28, 1, values));
    assertEquals(32, input.width());
    assertEquals(3, input.channels());
    for (int c = 0; c < 3; c++) {
      assertLeftDarkRightBright(input, c, 1e-6f);
    }
  }
}
