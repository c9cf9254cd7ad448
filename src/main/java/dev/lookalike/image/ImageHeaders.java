package dev.lookalike.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the declared width and height from an image header without decoding any pixel.
 *
 * <p>This is what makes the pixel limit a defence: a decompression bomb declares its size up front,
 * so it is refused before a decoder allocates memory for it. Parsers are deliberately strict: a
 * header that does not make sense is {@code UNDECODABLE}, not guessed at.
 */
final class ImageHeaders {

  private ImageHeaders() {}

  /** The declared size of a recognised format; not for {@link ImageFormat#UNKNOWN}. */
  static ImageSize read(ImageFormat format, byte[] b) {
    return switch (format) {
      case PNG -> png(b);
      case JPEG -> jpeg(b);
      case BMP -> bmp(b);
      case GIF -> gif(b);
      case WEBP -> webp(b);
      case TIFF -> viaImageIo(b, "tiff", "TIFF");
      case UNKNOWN -> throw new IllegalArgumentException("an unknown format has no known header");
    };
  }

  private static ImageSize png(byte[] b) {
    // 8-byte signature, then the IHDR chunk: length (13), "IHDR", width, height (big endian).
    if (b.length < 24 || !(b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) {
      throw damaged("PNG", "it has no IHDR header");
    }
    return size("PNG", int32be(b, 16), int32be(b, 20));
  }

  private static ImageSize jpeg(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        throw damaged("JPEG", "a marker is missing at byte " + i);
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte before a marker
        i++;
        continue;
      }
      i += 2;
      if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // markers without a length
      }
      if (marker == 0xD9 || marker == 0xDA) {
        break; // end of image or start of scan before any frame header
      }
      int length = jpegUint16(b, i);
      if (length < 2) {
        throw damaged("JPEG", "a segment declares length " + length);
      }
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        if (i + 7 > b.length) {
          break;
        }
        // length (2), precision (1), height (2), width (2)
        return size("JPEG", jpegUint16(b, i + 5), jpegUint16(b, i + 3));
      }
      i += length;
    }
    throw damaged("JPEG", "it ends before its frame header");
  }

  /**
   * Whether a JPEG has its end-of-image marker after the first scan. OpenCV decodes a JPEG cut off
   * inside its compressed data without complaint, filling the rest with grey; a missing end marker
   * is how a truncated upload shows. Bytes after the marker (motion photos append a video) are
   * fine, and an {@code FF D9} pair cannot occur inside scan data, where {@code FF} is always
   * followed by {@code 00} or a restart marker.
   */
  static boolean jpegHasEndMarker(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      i += 2;
      if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue;
      }
      if (marker == 0xD9) {
        return true;
      }
      i += jpegUint16(b, i);
      if (marker == 0xDA) {
        break; // the scan data follows; embedded EXIF thumbnails with their own EOI are behind us
      }
    }
    for (; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  private static ImageSize bmp(byte[] b) {
    int headerSize = int32le(b, 14);
    if (headerSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit unsigned sizes
      if (b.length < 22) {
        throw damaged("BMP", "its header is cut short");
      }
      return size("BMP", uint16le(b, 18), uint16le(b, 20));
    }
    if (b.length < 26) {
      throw damaged("BMP", "its header is cut short");
    }
    int width = int32le(b, 18);
    int height = int32le(b, 22);
    // A negative height means rows are stored top-down; the size is its magnitude.
    return size("BMP", width, height == Integer.MIN_VALUE ? -1 : Math.abs(height));
  }

  private static ImageSize gif(byte[] b) {
    if (b.length < 10) {
      throw damaged("GIF", "its header is cut short");
    }
    return size("GIF", uint16le(b, 6), uint16le(b, 8));
  }

  private static ImageSize webp(byte[] b) {
    // "RIFF" size "WEBP", then the first chunk: fourcc, size, payload from byte 20.
    if (b.length < 30) {
      throw damaged("WebP", "its header is cut short");
    }
    String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8X" -> size("WebP", 1 + uint24le(b, 24), 1 + uint24le(b, 27));
      case "VP8 " -> {
        if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
          throw damaged("WebP", "its VP8 start code is missing");
        }
        yield size("WebP", uint16le(b, 26) & 0x3FFF, uint16le(b, 28) & 0x3FFF);
      }
      case "VP8L" -> {
        if ((b[20] & 0xFF) != 0x2F) {
          throw damaged("WebP", "its VP8L signature is missing");
        }
        int bits = int32le(b, 21);
        yield size("WebP", 1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF));
      }
      default -> throw damaged("WebP", "its first chunk is '" + printable(chunk) + "'");
    };
  }

  /**
   * The size of image 0 as a {@code javax.imageio} reader reports it; readers parse only the header
   * (for TIFF the first directory, for GIF the first image descriptor) to answer.
   */
  static ImageSize viaImageIo(byte[] b, String formatName, String label) {
    ImageReader reader = readerFor(formatName);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(b))) {
      reader.setInput(in, true, true);
      return size(label, reader.getWidth(0), reader.getHeight(0));
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidImageException invalid) {
        throw invalid;
      }
      throw new InvalidImageException(
          InvalidImageException.Reason.UNDECODABLE,
          "the " + label + " image is damaged: its header cannot be read",
          e);
    } finally {
      reader.dispose();
    }
  }

  /** A fresh reader (readers are not thread-safe) for a format the JDK always ships. */
  static ImageReader readerFor(String formatName) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
    if (!readers.hasNext()) {
      throw new IllegalStateException("this JDK has no " + formatName + " reader");
    }
    return readers.next();
  }

  private static ImageSize size(String label, long width, long height) {
    if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw damaged(label, "its header declares a size of " + width + "x" + height);
    }
    return new ImageSize((int) width, (int) height);
  }

  private static InvalidImageException damaged(String label, String why) {
    return new InvalidImageException(
        InvalidImageException.Reason.UNDECODABLE, "the " + label + " image is damaged: " + why);
  }

  private static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7E]", "?");
  }

  private static long int32be(byte[] b, int i) {
    return ((long) (b[i] & 0xFF) << 24)
        | (b[i + 1] & 0xFF) << 16
        | (b[i + 2] & 0xFF) << 8
        | (b[i + 3] & 0xFF);
  }

  private static int jpegUint16(byte[] b, int i) {
    if (i + 2 > b.length) {
      throw damaged("JPEG", "it ends inside a segment header");
    }
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  private static int uint16le(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  private static int uint24le(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
  }

  private static int int32le(byte[] b, int i) {
    return (b[i] & 0xFF)
        | (b[i + 1] & 0xFF) << 8
        | (b[i + 2] & 0xFF) << 16
        | (b[i + 3] & 0xFF) << 24;
  }
}
