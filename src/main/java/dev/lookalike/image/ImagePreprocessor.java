package dev.lookalike.image;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a decoded picture into the {@link FloatImage} a model takes for one {@link ImageSpec}.
 *
 * <p>Transparent areas are composited over white, colour is converted to what the spec asks for
 * (grey with OpenCV's BT.601 weights, or R, G, B), and the picture is stretched to the square input
 * size, not letterboxed: a code has to describe the whole picture, and bars of padding would
 * dominate the code of a small or elongated picture so that all such pictures look alike. Values
 * are scaled to [0,1] in planar CHW order.
 *
 * <p>Thread-safe: it holds only its spec.
 */
public final class ImagePreprocessor {

  private final ImageSpec spec;

  public ImagePreprocessor(ImageSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    OpenCvLoader.ensureLoaded();
    this.spec = spec;
  }

  /** The spec every input is made for. */
  public ImageSpec spec() {
    return spec;
  }

  /**
   * Makes the model input from an 8-bit grey, BGR or BGRA mat, which is left untouched and still
   * belongs to the caller.
   */
  public FloatImage toInput(Mat image) {
    Mats.checkDecoded(image);
    int size = spec.size();
    Mat flat = Mats.flattenOverWhite(image);
    Mat grey = null;
    Mat resized = null;
    Mat rgb = null;
    try {
      if (spec.isGrey()) {
        // Convert first: resizing one channel is cheaper than resizing three.
        Mat source = flat;
        if (flat.channels() == 3) {
          grey = new Mat();
          Imgproc.cvtColor(flat, grey, Imgproc.COLOR_BGR2GRAY);
          source = grey;
        }
        resized = Mats.resize(source, size, size);
        return Mats.toFloatImage(resized);
      }
      // Resize first: the colour conversion is then done on size x size pixels only.
      resized = Mats.resize(flat, size, size);
      rgb = new Mat();
      Imgproc.cvtColor(
          resized, rgb, resized.channels() == 1 ? Imgproc.COLOR_GRAY2RGB : Imgproc.COLOR_BGR2RGB);
      return Mats.toFloatImage(rgb);
    } finally {
      Mats.release(grey, resized, rgb);
      if (flat != image) {
        flat.release();
      }
    }
  }

  /**
   * Makes the model input from a picture that is already floats (such as an idx data set record);
   * returns it unchanged when it already has the spec's shape.
   */
  public FloatImage toInput(FloatImage image) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    if (image.matches(spec)) {
      return image;
    }
    Mat mat = Mats.fromFloatImage(image);
    try {
      return toInput(mat);
    } finally {
      mat.release();
    }
  }
}
