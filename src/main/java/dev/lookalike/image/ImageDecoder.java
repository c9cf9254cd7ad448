package dev.lookalike.image;

import dev.lookalike.image.InvalidImageException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes uploaded bytes into an 8-bit grey, BGR or BGRA OpenCV {@link Mat}, refusing oversized or
 * malformed input with an {@link InvalidImageException}.
 *
 * <p>The order of checks is the point of this class: byte count first, then the format from magic
 * bytes, then the size the header declares, and only then the decoder, so that a small file
 * declaring a huge picture is refused before any pixel memory is allocated. PNG, JPEG, BMP, TIFF
 * and WebP decode through OpenCV, GIF (which OpenCV cannot read) through {@code javax.imageio}.
 * Bytes with any other magic are refused as unsupported before decoding, although OpenCV reads more
 * formats (PNM, JPEG 2000, OpenEXR): for those no header is parsed here, so their declared size
 * could be checked only after the pixels were allocated. A JPEG without its end marker is refused
 * as truncated, because OpenCV would decode it and fill the missing part with grey.
 *
 * <p>Pictures decoded through {@link #decode(byte[], DecodeHint)} hold their share of the {@link
 * DecodeBudget} until closed.
 *
 * <p>Thread-safe: it holds only its limits and the shared budget.
 */
public final class ImageDecoder {

  private static final String SUPPORTED = "PNG, JPEG, BMP, TIFF, WebP or GIF";

  private final ImageLimits limits;
  private final DecodeBudget budget;

  /** A decoder without a bound on concurrent decodes. */
  public ImageDecoder(ImageLimits limits) {
    this(limits, DecodeBudget.unlimited());
  }

  public ImageDecoder(ImageLimits limits, DecodeBudget budget) {
    if (limits == null || budget == null) {
      throw new IllegalArgumentException("limits and budget must not be null");
    }
    OpenCvLoader.ensureLoaded();
    this.limits = limits;
    this.budget = budget;
  }

  /** The limits this decoder enforces. */
  public ImageLimits limits() {
    return limits;
  }

  /**
   * Decodes at full size into an 8-bit grey, BGR or BGRA mat that the caller must release.
   *
   * @throws InvalidImageException when the bytes are empty, too large, not an image or damaged
   */
  public Mat decode(byte[] bytes) {
    // The caller keeps the mat, so no share of the budget could be given back when it is done.
    return decode(bytes, DecodeHint.fullSize(), DecodeBudget.unlimited()).mat();
  }

  /**
   * Decodes, reducing a large JPEG by 2, 4 or 8 while both sides stay at least what the hint asks.
   * Close the result to release its pixels.
   *
   * @throws InvalidImageException when the bytes are empty, too large, not an image or damaged
   */
  public DecodedImage decode(byte[] bytes, DecodeHint hint) {
    return decode(bytes, hint, budget);
  }

  private DecodedImage decode(byte[] bytes, DecodeHint hint, DecodeBudget budget) {
    if (hint == null) {
      throw new IllegalArgumentException("hint must not be null");
    }
    if (bytes == null || bytes.length == 0) {
      throw new InvalidImageException(Reason.EMPTY, "the image is empty (0 bytes)");
    }
    limits.checkBytes(bytes.length);
    ImageFormat format = ImageFormat.sniff(bytes);
    if (format == ImageFormat.UNKNOWN) {
      // OpenCV reads more formats (PNM, JPEG 2000, EXR…), but for those the declared size could
      // only be checked after decoding: a decompression bomb would already have done its harm.
      throw new InvalidImageException(
          Reason.UNSUPPORTED_TYPE,
          "the data is not an image in a supported format (" + SUPPORTED + ")");
    }
    if (format == ImageFormat.GIF) {
      return GifDecoder.decode(bytes, limits, budget);
    }
    ImageSize declared = ImageHeaders.read(format, bytes);
    limits.checkPixels(declared.width(), declared.height());
    checkDensity(format, declared.width(), declared.height(), bytes.length);
    if (format == ImageFormat.TIFF) {
      TiffStrips.check(bytes);
    }
    int reduction = 1;
    int flags = Imgcodecs.IMREAD_UNCHANGED; // keeps alpha and 16-bit samples
    if (format == ImageFormat.JPEG) {
      if (!ImageHeaders.jpegHasEndMarker(bytes)) {
        throw new InvalidImageException(
            Reason.UNDECODABLE, "the JPEG image is truncated: its end marker is missing");
      }
      reduction = hint.reductionFor(declared.width(), declared.height());
      flags = jpegFlags(reduction);
    }
    DecodeBudget.Permit permit =
        budget.acquire(
            Math.ceilDiv(declared.width(), reduction), Math.ceilDiv(declared.height(), reduction));
    Mat image;
    try {
      Mat raw = imdecode(bytes, flags);
      if (raw.empty()) {
        raw.release();
        throw new InvalidImageException(
            Reason.UNDECODABLE,
            "the "
                + label(format)
                + " image cannot be decoded; it is probably truncated or damaged");
      }
      image = toEightBit(raw);
    } catch (RuntimeException e) {
      permit.close();
      throw e;
    }
    try {
      int originalWidth = image.cols();
      int originalHeight = image.rows();
      if (reduction > 1) {
        boolean rotated = (image.cols() >= image.rows()) != (declared.width() >= declared.height());
        originalWidth = rotated ? declared.height() : declared.width();
        originalHeight = rotated ? declared.width() : declared.height();
      }
      return new DecodedImage(image, format, originalWidth, originalHeight, reduction, permit);
    } catch (RuntimeException e) {
      image.release();
      permit.close();
      throw e;
    }
  }

  /** Refuses a header that declares more pixels than a file of this size can describe. */
  static void checkDensity(ImageFormat format, long width, long height, long bytes) {
    if (!format.canHold(width * height, bytes)) {
      throw new InvalidImageException(
          Reason.UNDECODABLE,
          "the "
              + label(format)
              + " image declares "
              + width
              + "x"
              + height
              + " pixels in only "
              + bytes
              + " bytes, more than the format can describe; it is truncated or damaged");
    }
  }

  /**
   * JPEG has no alpha to keep, and every flag but {@code IMREAD_UNCHANGED} applies the EXIF
   * orientation, so phone photos come out upright.
   */
  private static int jpegFlags(int reduction) {
    return switch (reduction) {
      case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
      case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
      case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
      default -> Imgcodecs.IMREAD_ANYCOLOR; // grey JPEGs stay one channel
    };
  }

  private static Mat imdecode(byte[] bytes, int flags) {
    MatOfByte buffer = new MatOfByte(bytes);
    try {
      return Imgcodecs.imdecode(buffer, flags);
    } catch (CvException e) {
      // OpenCV throws for some damaged input instead of returning an empty mat.
      return new Mat();
    } finally {
      buffer.release();
    }
  }

  /**
   * Converts any decoded depth to 8 bits and any channel layout to grey, BGR or BGRA; consumes
   * {@code raw} (returns it, or releases it and returns a new mat).
   */
  private static Mat toEightBit(Mat raw) {
    Mat current = raw;
    try {
      int depth = current.depth();
      if (depth != CvType.CV_8U) {
        double scale =
            switch (depth) {
              case CvType.CV_16U -> 1.0 / 257.0; // 65535 -> 255 exactly
              case CvType.CV_32F, CvType.CV_64F -> 255.0; // float images are [0,1]
              default ->
                  throw new InvalidImageException(
                      Reason.UNSUPPORTED_TYPE,
                      "the image stores its samples as "
                          + depthName(depth)
                          + ", which is not supported");
            };
        Mat converted = new Mat();
        current.convertTo(converted, CvType.CV_8U, scale);
        current.release();
        current = converted;
      }
      int channels = current.channels();
      if (channels == 2) { // grey + alpha
        current = greyAlphaToBgra(current);
      } else if (channels != 1 && channels != 3 && channels != 4) {
        throw new InvalidImageException(
            Reason.UNSUPPORTED_TYPE,
            "the image has "
                + channels
                + " channels; only grey, colour and colour with alpha are supported");
      }
      return current;
    } catch (RuntimeException e) {
      current.release();
      throw e;
    }
  }

  private static Mat greyAlphaToBgra(Mat greyAlpha) {
    List<Mat> planes = new ArrayList<>(2);
    Mat bgra = new Mat();
    try {
      Core.split(greyAlpha, planes);
      Core.merge(List.of(planes.get(0), planes.get(0), planes.get(0), planes.get(1)), bgra);
      return bgra;
    } finally {
      Mats.release(planes);
      greyAlpha.release();
    }
  }

  private static String depthName(int depth) {
    return switch (depth) {
      case CvType.CV_8S -> "signed 8-bit integers";
      case CvType.CV_16S -> "signed 16-bit integers";
      case CvType.CV_32S -> "signed 32-bit integers";
      case CvType.CV_16F -> "16-bit floats";
      default -> "an unknown sample type (" + depth + ")";
    };
  }

  private static String label(ImageFormat format) {
    return format == ImageFormat.WEBP ? "WebP" : format.name().toUpperCase(Locale.ROOT);
  }
}
