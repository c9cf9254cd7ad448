package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * {@link ImagePipeline#withFullSizeDecoding}: a large JPEG decoded at full size gives an input
 * close to, but not the same as, the reduced decoding's — which is why index and query must agree.
 */
class ImagePipelineDecodingTest {

  @Test
  void fullSizeDecodingChangesTheInputOfALargeJpegSlightly() {
    OpenCvLoader.ensureLoaded();
    Mat texture = new Mat(1200, 1600, CvType.CV_8UC1);
    Core.setRNGSeed(7);
    Core.randu(texture, 0, 256);
    byte[] jpeg = TestImages.encode(".jpg", texture);
    texture.release();
    ImagePipeline reduced = ImagePipeline.withDefaults(new ImageSpec(28, 1));
    ImagePipeline full = reduced.withFullSizeDecoding();

    float[] a = reduced.toInput(jpeg).pixels();
    float[] b = full.toInput(jpeg).pixels();
    assertEquals(a.length, b.length);
    assertFalse(Arrays.equals(a, b), "the full-size decoding must not be the reduced one");
    double meanDifference = 0;
    for (int i = 0; i < a.length; i++) {
      meanDifference += Math.abs(a[i] - b[i]) / a.length;
    }
    assertTrue(meanDifference < 0.05, "close all the same: " + meanDifference);
    assertTrue(
        Arrays.equals(b, full.prepare(jpeg).input().pixels()),
        "indexing and querying decode alike");
  }
}
