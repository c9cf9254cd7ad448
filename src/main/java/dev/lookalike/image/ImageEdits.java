package dev.lookalike.image;

import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The edits a copy of an image goes through on its way around: a crop, a small rotation, brightness
 * and contrast changes, a round trip through smaller size, and JPEG recompression, each drawn at
 * random within bounds that leave the picture recognisably the same. The result is a JPEG file, as
 * a copy found in the wild would be; decoding and preparing it is the query path's job.
 */
public final class ImageEdits {

  /** Shortest side the copy is recompressed at: tiny originals are scaled up first, like a post. */
  private static final int MIN_SIDE = 64;

  private final SplittableRandom random;

  public ImageEdits(long seed) {
    OpenCvLoader.ensureLoaded();
    this.random = new SplittableRandom(seed);
  }

  /** An edited copy of {@code image}, JPEG-encoded; each call draws new edits. */
  public byte[] copyOf(FloatImage image) {
    Mat mat = Mats.fromFloatImage(image);
    try {
      mat = replace(mat, upscaled(mat));
      mat = replace(mat, cropped(mat));
      mat = replace(mat, rotated(mat));
      mat = replace(mat, relit(mat));
      mat = replace(mat, resampled(mat));
      return jpeg(mat, 60 + random.nextInt(31));
    } finally {
      mat.release();
    }
  }

  private static Mat replace(Mat old, Mat next) {
    if (next != old) {
      old.release();
    }
    return next;
  }

  private Mat upscaled(Mat mat) {
    int side = Math.min(mat.cols(), mat.rows());
    if (side >= MIN_SIDE) {
      return mat;
    }
    double scale = (double) MIN_SIDE / side;
    return resize(mat, (int) Math.round(mat.cols() * scale), (int) Math.round(mat.rows() * scale));
  }

  /** Keeps 85–100 % of each side at a random place, as a reframed or trimmed copy does. */
  private Mat cropped(Mat mat) {
    int width = (int) Math.round(mat.cols() * uniform(0.85, 1.0));
    int height = (int) Math.round(mat.rows() * uniform(0.85, 1.0));
    int x = random.nextInt(mat.cols() - width + 1);
    int y = random.nextInt(mat.rows() - height + 1);
    return new Mat(mat, new Rect(x, y, width, height)).clone();
  }

  /** Turns by up to 5 degrees about the centre; corners are filled by repeating the edge. */
  private Mat rotated(Mat mat) {
    Mat rotation =
        Imgproc.getRotationMatrix2D(
            new Point(mat.cols() / 2.0, mat.rows() / 2.0), uniform(-5, 5), 1.0);
    Mat out = new Mat();
    try {
      Imgproc.warpAffine(
          mat,
          out,
          rotation,
          mat.size(),
          Imgproc.INTER_LINEAR,
          Core.BORDER_REPLICATE,
          new Scalar(0));
    } finally {
      rotation.release();
    }
    return out;
  }

  /** Contrast × 0.8–1.2 about mid-grey and brightness ± 20 of 255. */
  private Mat relit(Mat mat) {
    double contrast = uniform(0.8, 1.2);
    double brightness = uniform(-20, 20) + 127.5 * (1 - contrast);
    Mat out = new Mat();
    mat.convertTo(out, -1, contrast, brightness);
    return out;
  }

  /** Down to 50–90 % and back up: the softness of a copy that was shared at a smaller size. */
  private Mat resampled(Mat mat) {
    double scale = uniform(0.5, 0.9);
    int width = Math.max(1, (int) Math.round(mat.cols() * scale));
    int height = Math.max(1, (int) Math.round(mat.rows() * scale));
    Mat small = resize(mat, width, height);
    try {
      return resize(small, mat.cols(), mat.rows());
    } finally {
      small.release();
    }
  }

  private static Mat resize(Mat mat, int width, int height) {
    Mat out = new Mat();
    Imgproc.resize(mat, out, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
    return out;
  }

  private static byte[] jpeg(Mat mat, int quality) {
    MatOfByte buffer = new MatOfByte();
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    try {
      if (!Imgcodecs.imencode(".jpg", mat, buffer, params)) {
        throw new IllegalStateException("OpenCV could not encode an edited copy as JPEG");
      }
      return buffer.toArray();
    } finally {
      buffer.release();
      params.release();
    }
  }

  private double uniform(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
