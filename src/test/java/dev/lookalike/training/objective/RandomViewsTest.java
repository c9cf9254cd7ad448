package dev.lookalike.training.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The colour and blur parts of the training views (geometry and jitter: {@link PenaltyTest}). */
class RandomViewsTest {

  private static final int SIDE = 16;
  private static final int AREA = SIDE * SIDE;

  @Test
  void aHueTurnKeepsEachPixelsLumaAndLeavesGreysAlone() {
    ViewSettings hueOnly = new ViewSettings(0, 0f, false, 1f, 0f, 0.25f, 0f);
    float[] colour = new float[3 * AREA];
    for (int p = 0; p < AREA; p++) {
      // muted colours, far enough from 0 and 1 that no turn is clamped
      colour[p] = 0.5f + 0.1f * (p % SIDE) / SIDE;
      colour[AREA + p] = 0.45f;
      colour[2 * AREA + p] = 0.5f - 0.1f * (p / SIDE) / SIDE;
    }
    boolean turned = false;
    for (int seed = 0; seed < 10; seed++) {
      float[] view = view(hueOnly, colour, 3, seed);
      for (int p = 0; p < AREA; p++) {
        assertEquals(luma(colour, p), luma(view, p), 1e-4f, "luma of pixel " + p);
      }
      turned |= Math.abs(view[0] - colour[0]) > 0.01f;
    }
    assertTrue(turned, "some views change the colours");
    float[] grey = new float[3 * AREA];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (i % AREA) / (float) AREA;
    }
    assertArrayEquals(grey, view(hueOnly, grey, 3, 2), 1e-5f, "a grey picture has no hue");
  }

  @Test
  void blurredViewsAreSmootherAndAFlatPictureStaysFlat() {
    ViewSettings blurAlways = new ViewSettings(0, 0f, false, 1f, 0f, 0f, 1f);
    float[] checks = new float[AREA];
    for (int p = 0; p < AREA; p++) {
      checks[p] = (p % SIDE + p / SIDE) % 2;
    }
    double total = 0;
    for (int seed = 0; seed < 10; seed++) {
      double variation = variation(view(blurAlways, checks, 1, seed));
      // σ is drawn from 0.1, which leaves a picture as it was
      assertTrue(variation <= variation(checks) + 1e-3, "seed " + seed + ": " + variation);
      total += variation;
    }
    assertTrue(total / 10 < 0.8 * variation(checks), "on average: " + total / 10);
    float[] flat = new float[3 * AREA];
    java.util.Arrays.fill(flat, 0.3f);
    assertArrayEquals(flat, view(blurAlways, flat, 3, 1), 1e-6f);
  }

  @Test
  void aGreyBatchDrawsNoHueSoItsViewsAreThoseWithoutTheOption() {
    float[] ramp = new float[AREA];
    for (int p = 0; p < AREA; p++) {
      ramp[p] = (p % SIDE) / (float) SIDE;
    }
    ViewSettings strong = new ViewSettings(0, 0f, true, 0.5f, 0.4f);
    ViewSettings withHue = new ViewSettings(0, 0f, true, 0.5f, 0.4f, 0.3f, 0f);
    assertArrayEquals(view(strong, ramp, 1, 7), view(withHue, ramp, 1, 7), 0f);
  }

  @Test
  void settingsRefuseHueAndBlurOutOfRangeAndSayWhatTheyDraw() {
    assertThrows(
        IllegalArgumentException.class, () -> new ViewSettings(0, 0f, true, 0.5f, 0.4f, 0.6f, 0f));
    assertThrows(
        IllegalArgumentException.class, () -> new ViewSettings(0, 0f, true, 0.5f, 0.4f, 0f, 1.5f));
    assertEquals(
        "views crop 0.5, jitter 0.4, hue 0.1, blur 0.5, flip",
        new ViewSettings(0, 0f, true, 0.5f, 0.4f, 0.1f, 0.5f).spec());
  }

  private static float[] view(ViewSettings settings, float[] pixels, int planes, int seed) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return new RandomViews(settings, new Random(seed))
          .apply(manager.create(pixels, new Shape(1, planes, SIDE, SIDE)))
          .toFloatArray();
    }
  }

  private static float luma(float[] rgb, int p) {
    return 0.299f * rgb[p] + 0.587f * rgb[AREA + p] + 0.114f * rgb[2 * AREA + p];
  }

  /** The sum of absolute differences between horizontal neighbours. */
  private static double variation(float[] plane) {
    double total = 0;
    for (int p = 0; p < AREA; p++) {
      if (p % SIDE > 0) {
        total += Math.abs(plane[p] - plane[p - 1]);
      }
    }
    return total;
  }
}
