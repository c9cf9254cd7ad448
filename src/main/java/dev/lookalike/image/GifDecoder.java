package dev.lookalike.image;

import dev.lookalike.image.InvalidImageException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Decodes GIF, which OpenCV 4.9 cannot read, through {@code javax.imageio}: the first frame, its
 * declared size checked against the limits and taken from the decode budget before any pixel is
 * read.
 */
final class GifDecoder {

  private GifDecoder() {}

  /** Decodes the first frame. */
  static DecodedImage decode(byte[] bytes, ImageLimits limits, DecodeBudget budget) {
    ImageSize screen = ImageHeaders.read(ImageFormat.GIF, bytes);
    limits.checkPixels(screen.width(), screen.height());
    ImageReader reader = ImageHeaders.readerFor("gif");
    DecodeBudget.Permit permit = null;
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      // The first frame may declare its own size, larger than the logical screen: check it too.
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      limits.checkPixels(width, height);
      ImageDecoder.checkDensity(ImageFormat.GIF, width, height, bytes.length);
      permit = budget.acquire(width, height);
      BufferedImage frame = reader.read(0);
      Mat mat = toMat(frame);
      return new DecodedImage(mat, ImageFormat.GIF, mat.cols(), mat.rows(), 1, permit);
    } catch (IOException | RuntimeException e) {
      if (permit != null) {
        permit.close();
      }
      if (e instanceof DecoderBusyException busy) {
        throw busy;
      }
      if (e instanceof InvalidImageException invalid) {
        throw invalid;
      }
      throw new InvalidImageException(
          Reason.UNDECODABLE,
          "the GIF image cannot be decoded; it is probably truncated or damaged",
          e);
    } finally {
      reader.dispose();
    }
  }

  /** Copies a Java image into a new BGR or BGRA mat, row by row to keep the Java heap small. */
  private static Mat toMat(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    boolean alpha = image.getColorModel().hasAlpha();
    int channels = alpha ? 4 : 3;
    Mat mat = new Mat(height, width, alpha ? CvType.CV_8UC4 : CvType.CV_8UC3);
    try {
      int[] argb = new int[width];
      byte[] row = new byte[width * channels];
      for (int y = 0; y < height; y++) {
        image.getRGB(0, y, width, 1, argb, 0, width);
        for (int x = 0, i = 0; x < width; x++, i += channels) {
          int p = argb[x];
          row[i] = (byte) p; // blue
          row[i + 1] = (byte) (p >>> 8); // green
          row[i + 2] = (byte) (p >>> 16); // red
          if (alpha) {
            row[i + 3] = (byte) (p >>> 24);
          }
        }
        mat.put(y, 0, row);
      }
      return mat;
    } catch (RuntimeException e) {
      mat.release();
      throw e;
    }
  }
}
