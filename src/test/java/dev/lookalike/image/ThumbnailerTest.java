package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ThumbnailerTest {

  private final Thumbnailer thumbnailer = new Thumbnailer();

  @Test
  void shrinksToTheMaxSideKeepingTheAspectRatio() {
    Mat wide = TestImages.halfBlackHalfWhite(300, 150);
    try {
      Mat thumb = decodePng(thumbnailer.png(wide));
      try {
        assertEquals(96, thumb.cols());
        assertEquals(48, thumb.rows());
        assertEquals(3, thumb.channels());
        assertEquals(0.0, thumb.get(20, 10)[0]);
        assertEquals(255.0, thumb.get(20, 90)[0]);
      } finally {
        thumb.release();
      }
    } finally {
      wide.release();
    }
  }

  @Test
  void tallPicturesFitByHeight() {
    Thumbnailer small = new Thumbnailer(32);
    Mat tall = new Mat(1000, 10, CvType.CV_8UC1, new Scalar(77));
    try {
      Mat thumb = decodePng(small.png(tall));
      try {
        assertEquals(32, thumb.rows());
        assertEquals(1, thumb.cols()); // 10 * 32 / 1000 rounds to 0, kept at 1
        assertEquals(1, thumb.channels());
        assertEquals(77.0, thumb.get(5, 0)[0]);
      } finally {
        thumb.release();
      }
    } finally {
      tall.release();
    }
  }

  @Test
  void neverEnlarges() {
    Mat small = TestImages.halfBlackHalfWhite(40, 20);
    try {
      Mat thumb = decodePng(thumbnailer.png(small));
      try {
        assertEquals(40, thumb.cols());
        assertEquals(20, thumb.rows());
      } finally {
        thumb.release();
      }
    } finally {
      small.release();
    }
  }

  @Test
  void transparencyBecomesWhite() {
    Mat transparent = new Mat(200, 200, CvType.CV_8UC4, new Scalar(0, 0, 0, 0));
    try {
      Mat thumb = decodePng(thumbnailer.png(transparent));
      try {
        assertEquals(3, thumb.channels());
        assertArrayEquals(new double[] {255, 255, 255}, thumb.get(50, 50));
      } finally {
        thumb.release();
      }
    } finally {
      transparent.release();
    }
  }

  @Test
  void pngFromGreyFloatImageKeepsTheBytes() {
    byte[] bytes = new byte[28 * 28];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    Mat thumb = decodePng(thumbnailer.pngFromFloatImage(FloatImage.fromGreyBytes(28, 28, bytes)));
    try {
      assertEquals(28, thumb.cols());
      assertEquals(1, thumb.channels());
      byte[] back = new byte[28 * 28];
      thumb.get(0, 0, back);
      assertArrayEquals(bytes, back);
    } finally {
      thumb.release();
    }
  }

  @Test
  void pngFromRgbFloatImageIsRed() {
    float[] pixels = new float[3 * 4 * 4];
    Arrays.fill(pixels, 0, 16, 1f); // channel 0 is red
    Mat thumb = decodePng(thumbnailer.pngFromFloatImage(new FloatImage(4, 4, 3, pixels)));
    try {
      assertArrayEquals(new double[] {0, 0, 255}, thumb.get(1, 1)); // BGR
    } finally {
      thumb.release();
    }
  }

  @Test
  void pngFromFloatImageClampsOutOfRangeValues() {
    FloatImage image = new FloatImage(2, 1, 1, new float[] {-0.5f, 1.7f});
    Mat thumb = decodePng(thumbnailer.pngFromFloatImage(image));
    try {
      assertEquals(0.0, thumb.get(0, 0)[0]);
      assertEquals(255.0, thumb.get(0, 1)[0]);
    } finally {
      thumb.release();
    }
  }

  @Test
  void refusesABadMaxSide() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Thumbnailer(0));
    assertEquals("thumbnail max side must be between 1 and 4096, got 0", e.getMessage());
  }

  /** Checks the PNG signature and decodes it unchanged. */
  static Mat decodePng(byte[] png) {
    assertEquals(ImageFormat.PNG, ImageFormat.sniff(png));
    MatOfByte buffer = new MatOfByte(png);
    try {
      Mat mat = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_UNCHANGED);
      assertEquals(false, mat.empty(), "a decodable PNG");
      return mat;
    } finally {
      buffer.release();
    }
  }
}
