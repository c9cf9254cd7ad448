package dev.lookalike.bench.jmh;

import dev.lookalike.image.DecodeHint;
import dev.lookalike.image.DecodedImage;
import dev.lookalike.image.ImageDecoder;
import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.image.TestImages;
import dev.lookalike.image.Thumbnailer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one 1600×1200 photo costs a bulk run before the model sees it, on one thread: OpenCV's JPEG
 * decoding alone, and the whole preparation (decoding, the 28-pixel model input and the 96-pixel
 * thumbnail), with the decoding reduced to 1/8 as {@code index} does and at full size. The photos
 * are made in the setup like those of BENCHMARKS.md's JPEG folder: a picture scaled up with
 * Lanczos, Gaussian noise (σ 12 per channel) so that they compress like photos, JPEG quality 90.
 * The reduced decoding's time is the ceiling of a folder's rate: two cores cannot index more JPEGs
 * per second than two divided by it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PhotoDecodeBenchmark {

  private static final int PHOTOS = 16;

  @Param({"reduced", "full"})
  public String decoding;

  private final List<byte[]> photos = new ArrayList<>();
  private ImageDecoder decoder;
  private DecodeHint hint;
  private ImagePipeline pipeline;
  private int next;

  @Setup(Level.Trial)
  public void photos() {
    ImageSpec spec = new ImageSpec(28, 1);
    ImagePipeline reducing = ImagePipeline.withDefaults(spec);
    boolean reduced = decoding.equals("reduced");
    pipeline = reduced ? reducing : reducing.withFullSizeDecoding();
    hint =
        reduced ? new DecodeHint(spec.size(), Thumbnailer.DEFAULT_MAX_SIDE) : DecodeHint.fullSize();
    decoder = new ImageDecoder(ImageLimits.defaults());
    Core.setRNGSeed(42);
    for (int i = 0; i < PHOTOS; i++) {
      photos.add(photo());
    }
  }

  private static byte[] photo() {
    Mat small = new Mat(30, 40, CvType.CV_8UC3);
    Core.randu(small, 0, 256);
    Mat large = new Mat();
    Imgproc.resize(small, large, new Size(1600, 1200), 0, 0, Imgproc.INTER_LANCZOS4);
    small.release();
    Mat noise = new Mat(large.size(), CvType.CV_16SC3);
    Core.randn(noise, 0, 12);
    Mat wide = new Mat();
    large.convertTo(wide, CvType.CV_16SC3);
    Core.add(wide, noise, wide);
    wide.convertTo(large, CvType.CV_8UC3);
    noise.release();
    wide.release();
    return TestImages.encode(".jpg", large, Imgcodecs.IMWRITE_JPEG_QUALITY, 90);
  }

  private byte[] nextPhoto() {
    next = (next + 1) % PHOTOS;
    return photos.get(next);
  }

  @Benchmark
  public int decode() {
    try (DecodedImage image = decoder.decode(nextPhoto(), hint)) {
      return image.mat().cols();
    }
  }

  @Benchmark
  public PreparedImage prepare() {
    return pipeline.prepare(nextPhoto());
  }
}
