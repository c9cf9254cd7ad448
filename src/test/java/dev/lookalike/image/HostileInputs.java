package dev.lookalike.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Hostile and odd uploads made on the fly: bombs, lies, damage and every colour mode and format a
 * user may send, each with the HTTP status it must get. Also the fuzzer's seeds.
 */
public final class HostileInputs {

  static {
    OpenCvLoader.ensureLoaded();
  }

  /**
   * One upload.
   *
   * @param status the status {@code POST /api/search} must answer
   */
  public record Case(String name, byte[] bytes, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  private HostileInputs() {}

  /** A noisy colour picture, so encoders have real content to compress. */
  static Mat noisy(int width, int height, int type, long seed) {
    Mat mat = new Mat(height, width, type);
    Core.setRNGSeed((int) seed);
    Core.randu(mat, 0, CvType.depth(type) == CvType.CV_16U ? 65535 : 255);
    return mat;
  }

  /** Well-formed small pictures of every supported format and colour mode. */
  public static List<Case> valid() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case("png-rgb", TestImages.encode(".png", noisy(40, 30, CvType.CV_8UC3, 1)), 200));
    cases.add(
        new Case("png-rgba", TestImages.encode(".png", noisy(40, 30, CvType.CV_8UC4, 2)), 200));
    cases.add(
        new Case("png-16bit", TestImages.encode(".png", noisy(32, 32, CvType.CV_16UC1, 3)), 200));
    cases.add(
        new Case("png-grey", TestImages.encode(".png", noisy(33, 17, CvType.CV_8UC1, 4)), 200));
    cases.add(new Case("png-palette", TestImages.imageIo(palette(24, 24), "png"), 200));
    cases.add(
        new Case(
            "jpeg",
            TestImages.encode(
                ".jpg", noisy(64, 48, CvType.CV_8UC3, 5), Imgcodecs.IMWRITE_JPEG_QUALITY, 80),
            200));
    cases.add(
        new Case(
            "jpeg-progressive",
            TestImages.encode(
                ".jpg", noisy(64, 48, CvType.CV_8UC3, 6), Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1),
            200));
    cases.add(new Case("bmp", TestImages.encode(".bmp", noisy(20, 20, CvType.CV_8UC3, 7)), 200));
    cases.add(new Case("tiff", TestImages.encode(".tiff", noisy(20, 20, CvType.CV_8UC3, 8)), 200));
    cases.add(new Case("webp", TestImages.encode(".webp", noisy(20, 20, CvType.CV_8UC3, 9)), 200));
    cases.add(new Case("gif", TestImages.imageIo(palette(16, 16), "gif"), 200));
    return cases;
  }

  /** Everything a server must refuse, and large but legal pictures. */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>(valid());
    byte[] png = cases.get(0).bytes();
    byte[] jpeg = cases.get(5).bytes();
    cases.add(new Case("empty", new byte[0], 400));
    cases.add(new Case("text", "hello, I am text".getBytes(StandardCharsets.UTF_8), 415));
    cases.add(
        new Case(
            "svg",
            "<svg xmlns='http://www.w3.org/2000/svg'><rect width='9' height='9'/></svg>"
                .getBytes(StandardCharsets.UTF_8),
            415));
    cases.add(new Case("random", random(4096, 11), 415));
    cases.add(new Case("png-truncated", Arrays.copyOf(png, png.length / 2), 400));
    cases.add(new Case("jpeg-truncated", Arrays.copyOf(jpeg, jpeg.length / 2), 400));
    cases.add(new Case("png-bomb-40000", TestImages.pngHeaderOnly(40_000, 40_000), 413));
    cases.add(new Case("png-bomb-60000", TestImages.pngHeaderOnly(60_000, 60_000), 413));
    cases.add(new Case("jpeg-bomb", TestImages.jpegHeaderOnly(60_000, 60_000), 413));
    cases.add(new Case("gif-bomb", TestImages.gifHeaderOnly(60_000, 60_000), 413));
    cases.add(new Case("gif-frame-bomb", TestImages.gifWithLargeFrame(40_000, 40_000), 413));
    cases.add(new Case("bmp-bomb", TestImages.bmpHeaderOnly(60_000, 60_000), 413));
    cases.add(new Case("webp-bomb", TestImages.webpVp8xHeaderOnly(60_000, 60_000), 413));
    cases.add(new Case("tiff-bomb", TestImages.tiffHeaderOnly(60_000, 60_000), 413));
    cases.add(new Case("png-zero-size", TestImages.pngHeaderOnly(0, 10), 400));
    cases.add(new Case("png-header-only", TestImages.pngHeaderOnly(100, 100), 400));
    cases.add(
        new Case(
            "jpeg-3000x2000",
            TestImages.encode(
                ".jpg", noisy(3000, 2000, CvType.CV_8UC3, 12), Imgcodecs.IMWRITE_JPEG_QUALITY, 60),
            200));
    return cases;
  }

  private static BufferedImage palette(int width, int height) {
    byte[] levels = new byte[16];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (byte) (i * 17);
    }
    IndexColorModel colours = new IndexColorModel(4, 16, levels, levels, levels.clone());
    BufferedImage image =
        new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, colours);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setSample(x, y, 0, (x + y) % 16);
      }
    }
    return image;
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
