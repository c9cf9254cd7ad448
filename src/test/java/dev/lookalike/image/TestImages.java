package dev.lookalike.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Synthetic pictures and hand-made headers for the image tests. */
public final class TestImages {

  static {
    OpenCvLoader.ensureLoaded();
  }

  private TestImages() {}

  /** A BGR picture whose left half is black and right half white. */
  public static Mat halfBlackHalfWhite(int width, int height) {
    Mat mat = new Mat(height, width, CvType.CV_8UC3, new Scalar(0, 0, 0));
    mat.submat(new Rect(width / 2, 0, width - width / 2, height)).setTo(new Scalar(255, 255, 255));
    return mat;
  }

  /** Encodes with OpenCV and releases the mat. */
  public static byte[] encode(String extension, Mat mat, int... params) {
    MatOfByte buffer = new MatOfByte();
    try {
      boolean ok =
          params.length == 0
              ? Imgcodecs.imencode(extension, mat, buffer)
              : Imgcodecs.imencode(extension, mat, buffer, new MatOfInt(params));
      if (!ok) {
        throw new IllegalStateException("imencode " + extension + " failed");
      }
      return buffer.toArray();
    } finally {
      buffer.release();
      mat.release();
    }
  }

  /** Encodes a Java image with javax.imageio. */
  public static byte[] imageIo(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A Java RGB picture whose left half is black and right half white. */
  public static BufferedImage halfBlackHalfWhiteAwt(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = width / 2; x < width; x++) {
        image.setRGB(x, y, 0xFFFFFF);
      }
    }
    return image;
  }

  /** A PNG that is only a signature, an IHDR chunk with a valid CRC, and IEND. */
  public static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    byte[] ihdr =
        ByteBuffer.allocate(17)
            .put(new byte[] {'I', 'H', 'D', 'R'})
            .putInt(width)
            .putInt(height)
            .put(new byte[] {8, 2, 0, 0, 0}) // 8-bit RGB, deflate, no filter, no interlace
            .array();
    b.putInt(13).put(ihdr).putInt(crc(ihdr));
    byte[] iend = {'I', 'E', 'N', 'D'};
    b.putInt(0).put(iend).putInt(crc(iend));
    return b.array();
  }

  /** A JPEG with only a baseline frame header. */
  public static byte[] jpegHeaderOnly(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(2 + 19 + 2).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 0xFF).put((byte) 0xD8);
    b.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8);
    b.putShort((short) height).putShort((short) width).put((byte) 3);
    for (int c = 1; c <= 3; c++) {
      b.put((byte) c).put((byte) 0x11).put((byte) 0);
    }
    b.put((byte) 0xFF).put((byte) 0xD9);
    return b.array();
  }

  /** A GIF with only a logical screen descriptor and a trailer. */
  public static byte[] gifHeaderOnly(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    b.putShort((short) width).putShort((short) height).put((byte) 0).put((byte) 0).put((byte) 0);
    b.put((byte) 0x3B);
    return Arrays.copyOf(b.array(), b.position());
  }

  /** A GIF whose 1x1 screen holds a first frame declaring its own, larger size. */
  public static byte[] gifWithLargeFrame(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    b.putShort((short) 1).putShort((short) 1);
    b.put((byte) 0x80).put((byte) 0).put((byte) 0); // global colour table of 2 entries
    b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
    b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0);
    b.putShort((short) width).putShort((short) height).put((byte) 0);
    b.put((byte) 2).put((byte) 0); // LZW minimum code size, no data
    b.put((byte) 0x3B);
    return Arrays.copyOf(b.array(), b.position());
  }

  /** A BMP with only its file and info headers, stored top-down. */
  public static byte[] bmpHeaderOnly(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
    b.putInt(40).putInt(width).putInt(-height).putShort((short) 1).putShort((short) 24);
    b.putInt(0).putInt(0).putInt(2835).putInt(2835).putInt(0).putInt(0);
    return b.array();
  }

  /** An extended-format WebP with only its VP8X chunk. */
  public static byte[] webpVp8xHeaderOnly(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(22).put(new byte[] {'W', 'E', 'B', 'P'});
    b.put(new byte[] {'V', 'P', '8', 'X'}).putInt(10).putInt(0);
    putUint24(b, width - 1);
    putUint24(b, height - 1);
    return b.array();
  }

  /** A little-endian TIFF whose only directory declares a grey, uncompressed picture. */
  public static byte[] tiffHeaderOnly(int width, int height) {
    int entries = 9;
    ByteBuffer b =
        ByteBuffer.allocate(8 + 2 + entries * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) entries);
    int dataOffset = 8 + 2 + entries * 12 + 4;
    tiffEntry(b, 256, 4, width); // ImageWidth, LONG
    tiffEntry(b, 257, 4, height); // ImageLength
    tiffEntry(b, 258, 3, 8); // BitsPerSample, SHORT
    tiffEntry(b, 259, 3, 1); // Compression: none
    tiffEntry(b, 262, 3, 1); // PhotometricInterpretation: black is zero
    tiffEntry(b, 273, 4, dataOffset); // StripOffsets
    tiffEntry(b, 277, 3, 1); // SamplesPerPixel
    tiffEntry(b, 278, 4, height); // RowsPerStrip
    tiffEntry(b, 279, 4, width * height); // StripByteCounts
    b.putInt(0); // no next directory
    return b.array();
  }

  /** Inserts an EXIF APP1 segment with the given orientation right after a JPEG's SOI marker. */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putInt(0);
    byte[] exif = new byte[6 + tiff.capacity()];
    System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
    System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length).order(ByteOrder.BIG_ENDIAN);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length)).put(exif);
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  private static void tiffEntry(ByteBuffer b, int tag, int type, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(1);
    if (type == 3) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }

  private static void putUint24(ByteBuffer b, int value) {
    b.put((byte) value).put((byte) (value >>> 8)).put((byte) (value >>> 16));
  }

  private static int crc(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return (int) crc.getValue();
  }

  /** Seeded random RGB pixels, as an AWT image. */
  public static BufferedImage noiseAwt(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(1);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return image;
  }

  /** Seeded random BGR pixels, as an OpenCV mat. */
  public static Mat noise(int width, int height) {
    byte[] pixels = new byte[width * height * 3];
    new Random(1).nextBytes(pixels);
    Mat mat = new Mat(height, width, CvType.CV_8UC3);
    mat.put(0, 0, pixels);
    return mat;
  }
}
