package dev.lookalike.image;

import static dev.lookalike.image.ImageDecoderTest.assertLeftDarkRightBright;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class ImagePipelineTest {

  private final ImagePipeline pipeline = ImagePipeline.withDefaults(ImageSpec.grey(28));

  @Test
  void prepareGivesInputThumbnailAndOriginalSize() {
    byte[] png = TestImages.encode(".png", TestImages.halfBlackHalfWhite(300, 200));
    PreparedImage prepared = pipeline.prepare(png);
    assertEquals(300, prepared.originalWidth());
    assertEquals(200, prepared.originalHeight());
    assertTrue(prepared.input().matches(ImageSpec.grey(28)));
    assertLeftDarkRightBright(prepared.input(), 0, 1e-6f);
    Mat thumb = ThumbnailerTest.decodePng(prepared.thumbnailPng());
    try {
      assertEquals(96, thumb.cols());
      assertEquals(64, thumb.rows());
    } finally {
      thumb.release();
    }
  }

  @Test
  void toInputMatchesPrepareEvenForReducedJpegs() {
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(1600, 1200));
    PreparedImage prepared = pipeline.prepare(jpeg);
    assertEquals(1600, prepared.originalWidth());
    assertEquals(1200, prepared.originalHeight());
    assertEquals(prepared.input(), pipeline.toInput(jpeg));
    assertLeftDarkRightBright(prepared.input(), 0, 0.03f);
    Mat thumb = ThumbnailerTest.decodePng(prepared.thumbnailPng());
    try {
      assertEquals(96, thumb.cols());
      assertEquals(72, thumb.rows());
    } finally {
      thumb.release();
    }
  }

  @Test
  void preparesIdxRecords() {
    byte[] bytes = new byte[28 * 28];
    for (int y = 0; y < 28; y++) {
      for (int x = 14; x < 28; x++) {
        bytes[y * 28 + x] = (byte) 255;
      }
    }
    FloatImage record = FloatImage.fromGreyBytes(28, 28, bytes);
    PreparedImage prepared = pipeline.prepare(record);
    assertEquals(record, prepared.input());
    assertEquals(28, prepared.originalWidth());
    Mat thumb = ThumbnailerTest.decodePng(prepared.thumbnailPng());
    try {
      byte[] back = new byte[28 * 28];
      thumb.get(0, 0, back);
      assertArrayEquals(bytes, back);
    } finally {
      thumb.release();
    }
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    byte[] png = TestImages.encode(".png", TestImages.halfBlackHalfWhite(640, 480));
    byte[] jpeg = TestImages.encode(".jpg", TestImages.halfBlackHalfWhite(640, 480));
    FloatImage expectedPng = pipeline.toInput(png);
    FloatImage expectedJpeg = pipeline.toInput(jpeg);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        boolean usePng = i % 2 == 0;
        results.add(
            pool.submit(
                () ->
                    usePng
                        ? pipeline.prepare(png).input().equals(expectedPng)
                        : pipeline.prepare(jpeg).input().equals(expectedJpeg)));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void loadingOpenCvTwiceIsHarmless() {
    OpenCvLoader.ensureLoaded();
    OpenCvLoader.ensureLoaded();
    assertEquals(ImageSpec.grey(28), pipeline.spec());
    assertEquals(96, pipeline.thumbnailMaxSide());
    assertEquals(ImageLimits.defaults(), pipeline.limits());
  }
}
