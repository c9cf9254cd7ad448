package dev.lookalike.training.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.encoder.Devices;
import dev.lookalike.nn.Noise;
import org.junit.jupiter.api.Test;

/** The three corruptions of the denoising-autoencoder literature do what their names say. */
class CorruptionTest {

  private static final Shape SHAPE = new Shape(8, 1, 50, 50); // 20,000 pixels

  @Test
  void gaussianNoiseHasTheRequestedSpreadAndStaysInRange() {
    try (NDManager manager = NDManager.newBaseManager(Devices.preferred())) {
      NDArray clean = manager.full(SHAPE, 0.5f);
      float[] noisy = Corruption.parse("gaussian:0.1").apply(clean, new Noise(5)).toFloatArray();
      double sum = 0;
      double squares = 0;
      for (float v : noisy) {
        assertTrue(v >= 0 && v <= 1);
        sum += v - 0.5;
        squares += (v - 0.5) * (v - 0.5);
      }
      double std = Math.sqrt(squares / noisy.length);
      assertEquals(0.0, sum / noisy.length, 0.01);
      assertEquals(0.1, std, 0.01);
      assertEquals(0.5f, clean.toFloatArray()[0], "the clean batch is not modified");
    }
  }

  @Test
  void saltAndPepperSetsAboutPOfThePixelsToBlackOrWhite() {
    try (NDManager manager = NDManager.newBaseManager(Devices.preferred())) {
      float[] noisy =
          Corruption.parse("saltpepper:0.2")
              .apply(manager.full(SHAPE, 0.5f), new Noise(5))
              .toFloatArray();
      int black = 0;
      int white = 0;
      for (float v : noisy) {
        if (v == 0f) {
          black++;
        } else if (v == 1f) {
          white++;
        } else {
          assertEquals(0.5f, v);
        }
      }
      assertEquals(0.2, (black + white) / (double) noisy.length, 0.015);
      assertEquals(0.5, black / (double) (black + white), 0.05);
    }
  }

  @Test
  void maskingZeroesAboutPOfThePixels() {
    try (NDManager manager = NDManager.newBaseManager(Devices.preferred())) {
      float[] noisy =
          Corruption.parse("masking:0.3")
              .apply(manager.full(SHAPE, 0.8f), new Noise(5))
              .toFloatArray();
      int zero = 0;
      for (float v : noisy) {
        if (v == 0f) {
          zero++;
        } else {
          assertEquals(0.8f, v);
        }
      }
      assertEquals(0.3, zero / (double) noisy.length, 0.015);
    }
  }

  @Test
  void specsParseAndBadOnesAreRefusedWithAReason() {
    assertInstanceOf(Corruption.Gaussian.class, Corruption.parse("Gaussian:0.3"));
    assertInstanceOf(Corruption.None.class, Corruption.parse("none"));
    assertEquals("masking:0.25", Corruption.parse("masking:0.25").spec());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Corruption.parse("blur:1"))
            .getMessage()
            .contains("unknown noise"));
    assertThrows(IllegalArgumentException.class, () -> Corruption.parse("masking:1.5"));
    assertThrows(IllegalArgumentException.class, () -> Corruption.parse("gaussian"));
    assertThrows(IllegalArgumentException.class, () -> Corruption.parse("gaussian:x"));
  }
}
