package dev.lookalike.image;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The few OpenCV operations the image classes share.
 *
 * <p>Every method documents who owns the {@code Mat} it returns, because OpenCV pixels live in
 * native memory that the garbage collector neither sees nor hurries to free.
 */
final class Mats {

  private Mats() {}

  /** Releases each non-null mat. */
  static void release(Mat... mats) {
    for (Mat mat : mats) {
      if (mat != null) {
        mat.release();
      }
    }
  }

  /** Releases every mat in a list. */
  static void release(List<Mat> mats) {
    for (Mat mat : mats) {
      mat.release();
    }
  }

  /**
   * Refuses anything that is not 8-bit with 1, 3 or 4 channels, which is what the decoder makes.
   */
  static void checkDecoded(Mat image) {
    if (image == null || image.empty()) {
      throw new IllegalArgumentException("the image must not be null or empty");
    }
    int channels = image.channels();
    if (image.depth() != CvType.CV_8U || (channels != 1 && channels != 3 && channels != 4)) {
      throw new IllegalArgumentException(
          "the image must be 8-bit grey, BGR or BGRA, got " + CvType.typeToString(image.type()));
    }
  }

  /**
   * Composites a BGRA picture over white and returns a new BGR mat (the caller releases it);
   * returns {@code image} itself when it has no alpha channel, so release only what differs from
   * the input.
   *
   * <p>White rather than black because transparent regions of logos and product shots are meant to
   * sit on a page, and because a transparent-black background would look like content to the model.
   */
  static Mat flattenOverWhite(Mat image) {
    if (image.channels() != 4) {
      return image;
    }
    List<Mat> planes = new ArrayList<>(4);
    Mat inverseAlpha = new Mat();
    Mat flat = new Mat();
    try {
      Core.split(image, planes);
      Mat alpha = planes.get(3);
      Core.bitwise_not(alpha, inverseAlpha); // 255 - a
      for (int c = 0; c < 3; c++) {
        Mat plane = planes.get(c);
        // c * a / 255 + (255 - a), rounded by OpenCV; never exceeds 255 because c * a / 255 <= a.
        Core.multiply(plane, alpha, plane, 1.0 / 255.0);
        Core.add(plane, inverseAlpha, plane);
      }
      Core.merge(planes.subList(0, 3), flat);
      return flat;
    } catch (RuntimeException e) {
      flat.release();
      throw e;
    } finally {
      release(planes);
      inverseAlpha.release();
    }
  }

  /**
   * Resizes to exactly {@code width x height} into a new mat (the caller releases it): area
   * averaging where a side shrinks, bilinear where it grows.
   *
   * <p>Area averaging is the only OpenCV filter that does not alias when shrinking by large
   * factors, but it degenerates to nearest neighbour when enlarging; a picture that shrinks one way
   * and grows the other is therefore resized in two steps.
   */
  static Mat resize(Mat image, int width, int height) {
    Mat out = new Mat();
    int cols = image.cols();
    int rows = image.rows();
    if (cols == width && rows == height) {
      image.copyTo(out);
    } else if (cols >= width && rows >= height) {
      Imgproc.resize(image, out, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
    } else if (cols <= width && rows <= height) {
      Imgproc.resize(image, out, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
    } else {
      Mat shrunk = new Mat();
      try {
        Imgproc.resize(
            image,
            shrunk,
            new Size(Math.min(cols, width), Math.min(rows, height)),
            0,
            0,
            Imgproc.INTER_AREA);
        Imgproc.resize(shrunk, out, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
      } finally {
        shrunk.release();
      }
    }
    return out;
  }

  /** Encodes an 8-bit grey, BGR or BGRA mat as PNG. */
  static byte[] encodePng(Mat image) {
    MatOfByte buffer = new MatOfByte();
    try {
      if (!Imgcodecs.imencode(".png", image, buffer)) {
        throw new IllegalStateException(
            "OpenCV could not encode a " + CvType.typeToString(image.type()) + " image as PNG");
      }
      return buffer.toArray();
    } finally {
      buffer.release();
    }
  }

  /**
   * Turns a planar float picture into a new 8-bit grey or BGR mat (the caller releases it),
   * clamping to [0,1] and rounding.
   */
  static Mat fromFloatImage(FloatImage image) {
    int width = image.width();
    int height = image.height();
    int channels = image.channels();
    int plane = width * height;
    float[] pixels = image.pixels();
    byte[] interleaved = new byte[plane * channels];
    for (int c = 0; c < channels; c++) {
      // FloatImage channels are R, G, B; OpenCV wants B, G, R.
      int target = channels == 3 ? 2 - c : 0;
      for (int i = 0; i < plane; i++) {
        float v = pixels[c * plane + i];
        int value = v >= 1f ? 255 : v > 0f ? Math.round(v * 255f) : 0; // NaN becomes 0
        interleaved[i * channels + target] = (byte) value;
      }
    }
    Mat mat = new Mat(height, width, channels == 3 ? CvType.CV_8UC3 : CvType.CV_8UC1);
    mat.put(0, 0, interleaved);
    return mat;
  }

  /**
   * Copies a continuous 8-bit mat of 1 or 3 channels in the order they are stored into a new planar
   * {@link FloatImage} scaled to [0,1]; the caller decides beforehand which order that is.
   */
  static FloatImage toFloatImage(Mat image) {
    int width = image.cols();
    int height = image.rows();
    int channels = image.channels();
    int plane = width * height;
    byte[] interleaved = new byte[plane * channels];
    Mat continuous = image.isContinuous() ? image : image.clone();
    try {
      continuous.get(0, 0, interleaved);
    } finally {
      if (continuous != image) {
        continuous.release();
      }
    }
    float[] pixels = new float[interleaved.length];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < plane; i++) {
        pixels[c * plane + i] = (interleaved[i * channels + c] & 0xFF) / 255f;
      }
    }
    return new FloatImage(width, height, channels, pixels);
  }
}
