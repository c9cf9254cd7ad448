package dev.lookalike.training.objective;

import static dev.lookalike.training.objective.FourAxisInputs.DIMENSION;
import static dev.lookalike.training.objective.FourAxisInputs.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * NNCLR-style positives: the support set's nearest code stands in for an image against its view.
 */
class NeighbourPositivesTest {

  private static float[] oneHot(int... hot) {
    float[] codes = new float[hot.length * DIMENSION];
    for (int i = 0; i < hot.length; i++) {
      codes[i * DIMENSION + hot[i]] = 1;
    }
    return codes;
  }

  @Test
  void theNearestCodeIsTheLargestInnerProductAndTheOldestIsOverwritten() {
    NeighbourContrast run = (NeighbourContrast) new NeighbourPositives(1f, 256).forRun(100_000);
    run.add(oneHot(0, 1, 2), 3, DIMENSION);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray queries =
          manager.create(new float[] {0.1f, 0.9f, 0, 0, 0, 0.2f, 0.8f, 0}, new Shape(2, DIMENSION));
      assertArrayEquals(oneHot(1, 2), run.nearest(manager, queries).toFloatArray());
      // 256 more codes, all the fourth axis: the three first ones are gone
      for (int i = 0; i < 256; i++) {
        run.add(oneHot(3), 1, DIMENSION);
      }
      assertEquals(256, run.size());
      assertArrayEquals(oneHot(3, 3), run.nearest(manager, queries).toFloatArray());
    }
  }

  @Test
  void neighboursThatMatchTheViewsCostLittleAndWrongOnesCostMuch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] anchors = {0.9f, 0.1f, 0, 0, 0.1f, 0.9f, 0, 0, 0, 0, 0.9f, 0.1f, 0, 0.1f, 0, 0.9f};
      NeighbourContrast matching = filled(1f);
      NeighbourContrast wrong = filled(1f);
      // views: each image's own axis, or the axes turned by one place
      float own = matching.loss(input(manager, anchors, v -> axes(manager, 0, 1, 2, 3))).getFloat();
      float turned = wrong.loss(input(manager, anchors, v -> axes(manager, 1, 2, 3, 0))).getFloat();
      double best = -Math.log(Math.exp(5) / (Math.exp(5) + 3));
      assertEquals(best, own, 1e-4, "neighbour i is view i: logits 1/τ against 0");
      assertTrue(turned > own + 4, own + " vs " + turned);
      assertEquals(
          2 * own,
          filled(2f).loss(input(manager, anchors, v -> axes(manager, 0, 1, 2, 3))).getFloat(),
          1e-4,
          "scales with λ");
    }
  }

  @Test
  void nothingIsAskedOfTheViewsBeforeTheSupportHoldsEnoughCodes() {
    NeighbourContrast run = (NeighbourContrast) new NeighbourPositives(1f, 2048).forRun(100_000);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] anchors = oneHot(0, 1, 2, 3);
      for (int step = 0; step * 4 < NeighbourContrast.LEAST_FILLED; step++) {
        float value = run.loss(input(manager, anchors, v -> axes(manager, 1, 2, 3, 0))).getFloat();
        assertEquals(0f, value, "step " + step);
      }
      assertEquals(NeighbourContrast.LEAST_FILLED, run.size());
      float value = run.loss(input(manager, anchors, v -> axes(manager, 1, 2, 3, 0))).getFloat();
      assertTrue(value > 1, "searched once filled: " + value);
    }
  }

  @Test
  void eachRunHasItsOwnSupportAndTheSpecIsChecked() {
    Penalty settings = Penalty.neighbourPositives("0.5");
    assertEquals("neighbours=0.5:8192", settings.spec());
    assertNotSame(settings.forRun(100_000), settings.forRun(100_000));
    assertThrows(IllegalStateException.class, () -> settings.loss(null));
    // too large a support for the collection: refused, with the largest that works
    IllegalArgumentException small =
        assertThrows(IllegalArgumentException.class, () -> settings.forRun(3_414));
    assertTrue(small.getMessage().contains("at most 1707"), small.getMessage());
    settings.forRun(16_384);
    assertEquals("neighbours=1.0:4096", Penalty.neighbourPositives("1:4096").spec());
    assertThrows(IllegalArgumentException.class, () -> Penalty.neighbourPositives("1:10"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.neighbourPositives("1:4096.5"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.neighbourPositives("-1"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.neighbourPositives("1:2:3"));
  }

  /** A run whose support holds the four axes, each many times over. */
  private static NeighbourContrast filled(float weight) {
    NeighbourContrast run =
        (NeighbourContrast) new NeighbourPositives(weight, 1024).forRun(100_000);
    for (int i = 0; i < 256; i++) {
      run.add(oneHot(0, 1, 2, 3), 4, DIMENSION);
    }
    return run;
  }

  private static NDArray axes(NDManager manager, int... hot) {
    return manager.create(oneHot(hot), new Shape(hot.length, 1, 1, DIMENSION));
  }
}
