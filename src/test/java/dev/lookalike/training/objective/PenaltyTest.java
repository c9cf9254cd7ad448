package dev.lookalike.training.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import dev.lookalike.nn.Noise;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The regularising terms compute what their papers define, on inputs whose answer is known. */
class PenaltyTest {

  /** An "encoder" x -> 2x, flattened: its Jacobian is 2·I, so ‖J‖²_F = 4 · pixels. */
  private static final LambdaBlock DOUBLING =
      new LambdaBlock(
          list ->
              new NDList(
                  list.singletonOrThrow()
                      .mul(2f)
                      .reshape(list.singletonOrThrow().getShape().get(0), -1)));

  private static PenaltyInput input(
      NDManager manager, NDArray clean, NDArray code, UnaryOperator<NDArray> views) {
    return new PenaltyInput(
        new ParameterStore(manager, false),
        DOUBLING,
        clean,
        clean,
        code,
        new Corruption.None(),
        views,
        new Noise(11));
  }

  @Test
  void l1IsTheWeightedMeanAbsoluteCode() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray code = manager.create(new float[] {1, -2, 3, -4}, new Shape(2, 2));
      float value = Penalty.sparse("l1:0.5").loss(input(manager, code, code, x -> x)).getFloat();
      assertEquals(0.5f * 2.5f, value, 1e-6f);
    }
  }

  @Test
  void klSparsityIsZeroAtTheTargetAndGrowsAwayFromIt() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // sigmoid(0) = 0.5: with target 0.5 the KL is zero; with target 0.1 it is KL(0.1 ‖ 0.5) per
      // unit
      NDArray code = manager.zeros(new Shape(8, 3));
      assertEquals(
          0f,
          Penalty.sparse("kl:0.5:2").loss(input(manager, code, code, x -> x)).getFloat(),
          1e-6f);
      double kl = 0.1 * Math.log(0.1 / 0.5) + 0.9 * Math.log(0.9 / 0.5);
      assertEquals(
          2 * 3 * kl,
          Penalty.sparse("kl:0.1:2").loss(input(manager, code, code, x -> x)).getFloat(),
          1e-5);
    }
  }

  @Test
  void badSparsitySpecsAreRefusedWithTheirReason() {
    assertThrows(IllegalArgumentException.class, () -> Penalty.sparse("l2:0.1"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.sparse("kl:0.1"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.sparse("kl:1.5:1"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.sparse("l1:x"));
    assertInstanceOf(L1Sparsity.class, Penalty.sparse("l1:0.01"));
  }

  @Test
  void contractiveEstimatesTheSquaredFrobeniusNormOfTheJacobian() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Noise noise = new Noise(7);
      int pixels = 16;
      NDArray x = noise.uniform(manager, new Shape(4096, 1, 4, 4));
      NDArray code =
          DOUBLING
              .forward(new ParameterStore(manager, false), new NDList(x), true)
              .singletonOrThrow();
      float value = new ContractivePenalty(1f).loss(input(manager, x, code, v -> v)).getFloat();
      assertEquals(4.0 * pixels, value, 0.05 * 4 * pixels, "‖2·I‖²_F = 4 · " + pixels);
      assertEquals(
          0.1f * value,
          new ContractivePenalty(0.1f).loss(input(manager, x, code, v -> v)).getFloat(),
          0.05f * value,
          "scales with λ");
    }
  }

  @Test
  void varianceFloorAndCovarianceTellCollapsedCodesFromSpreadOnes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Noise noise = new Noise(7);
      NDArray collapsed = manager.full(new Shape(64, 4), 3f);
      assertEquals(
          1f,
          CodeStatistics.varianceFloor(collapsed, 1f).getFloat(),
          1e-2f,
          "every unit below the floor");
      NDArray spread = noise.normal(manager, new Shape(4096, 4), DataType.FLOAT32, 2f);
      assertEquals(0f, CodeStatistics.varianceFloor(spread, 1f).getFloat(), 1e-6f);
      assertTrue(
          CodeStatistics.offDiagonalCovariance(spread).getFloat() < 0.1f, "independent units");
      NDArray column = noise.normal(manager, new Shape(4096, 1), DataType.FLOAT32, 1f);
      NDArray copies = NDArrays.concat(new NDList(column, column, column), 1);
      // each off-diagonal covariance ≈ 1: 6 of them squared, divided by 3 units
      assertEquals(2f, CodeStatistics.offDiagonalCovariance(copies).getFloat(), 0.3f);
    }
  }

  @Test
  void invarianceIsLowestForCodesThatAgreeAcrossViewsAndStaySpread() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Noise noise = new Noise(7);
      NDArray x = noise.uniform(manager, new Shape(256, 1, 4, 4));
      NDArray code =
          DOUBLING
              .forward(new ParameterStore(manager, false), new NDList(x), true)
              .singletonOrThrow();
      InvariancePenalty penalty = new InvariancePenalty(1f);
      float sameView = penalty.loss(input(manager, x, code, v -> v)).getFloat();
      float otherView = penalty.loss(input(manager, x, code, v -> v.add(0.5f))).getFloat();
      assertTrue(
          otherView > sameView + 0.4f,
          "views that move the code cost more: " + sameView + " vs " + otherView);
      // identical views: no invariance cost, only the variance floor (std of 2·U(0,1) ≈ 0.58 < 1)
      // and covariance
      float floor = 2 * CodeStatistics.varianceFloor(code, 1f).getFloat();
      assertEquals(floor, sameView, 0.05f);
    }
  }

  @Test
  void contrastiveRewardsFindingEachImagesOwnView() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Noise noise = new Noise(7);
      int n = 64;
      NDArray x = noise.normal(manager, new Shape(n, 1, 4, 4), DataType.FLOAT32, 1f);
      NDArray code =
          DOUBLING
              .forward(new ParameterStore(manager, false), new NDList(x), true)
              .singletonOrThrow();
      ContrastivePenalty penalty = new ContrastivePenalty(1f, 0.2f);
      float ownView = penalty.loss(input(manager, x, code, v -> v)).getFloat();
      // a view that maps every image to nearly the same code: the partner cannot be told apart
      float indistinct =
          penalty.loss(input(manager, x, code, v -> v.mul(0.001f).add(1f))).getFloat();
      assertTrue(ownView < 0.5 * Math.log(n), "own views are found: " + ownView);
      assertTrue(indistinct > ownView + 1, ownView + " vs " + indistinct);
      assertThrows(IllegalArgumentException.class, () -> Penalty.contrastive("1:0"));
      assertEquals("contrastive=2.0:0.5", Penalty.contrastive("2:0.5").spec());
    }
  }

  @Test
  void bitBalanceIsZeroForBalancedIndependentBits() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Random random = new Random(3);
      float[] values = new float[4096 * 8];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextBoolean() ? 20f : -20f;
      }
      NDArray balanced = manager.create(values, new Shape(4096, 8));
      assertEquals(
          0f,
          new BitBalancePenalty(1f).loss(input(manager, balanced, balanced, v -> v)).getFloat(),
          2e-3f);
      NDArray allOn = manager.full(new Shape(64, 8), 20f);
      assertEquals(
          0.25f,
          new BitBalancePenalty(1f).loss(input(manager, allOn, allOn, v -> v)).getFloat(),
          1e-3f);
    }
  }

  @Test
  void viewsShiftAndMirrorEachImage() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] pixels = new float[25];
      pixels[2 * 5 + 2] = 1f; // a dot in the centre of a 5x5 image
      NDArray image = manager.create(pixels, new Shape(1, 1, 5, 5));
      assertArrayEquals(
          pixels,
          new RandomViews(new ViewSettings(0, 0f, false, 1f, 0f), new Random(1))
              .apply(image)
              .toFloatArray());
      for (int seed = 0; seed < 20; seed++) {
        float[] view =
            new RandomViews(new ViewSettings(2, 0f, true, 1f, 0f), new Random(seed))
                .apply(image)
                .toFloatArray();
        float sum = 0;
        for (float v : view) {
          sum += v;
        }
        assertEquals(1f, sum, "a shift of at most 2 keeps the centre dot inside the image");
      }
      float[] zoomed =
          new RandomViews(new ViewSettings(0, 0.5f, false, 1f, 0f), new Random(4))
              .apply(image)
              .toFloatArray();
      assertTrue(
          zoomed[2 * 5 + 2] > 0.25f, "zooming about the centre keeps the centre dot where it is");
      float[] edge = new float[25];
      edge[2 * 5] = 1f; // left edge, middle row
      float[] mirrored =
          new RandomViews(new ViewSettings(0, 0f, true, 1f, 0f), new Random(0))
              .apply(manager.create(edge, new Shape(1, 1, 5, 5)))
              .toFloatArray();
      assertTrue(
          mirrored[2 * 5] == 1f || mirrored[2 * 5 + 4] == 1f,
          "either kept or mirrored to the right edge");
    }
  }

  @Test
  void strongViewsCropAndJitterWithinTheirBounds() {
    try (NDManager manager = NDManager.newBaseManager()) {
      int side = 16;
      float[] pixels = new float[3 * side * side];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (i % side) / (float) side; // a horizontal ramp in every channel
      }
      NDArray image = manager.create(pixels, new Shape(1, 3, side, side));
      ViewSettings strong = new ViewSettings(0, 0f, false, 0.4f, 0.4f);
      boolean changed = false;
      for (int seed = 0; seed < 20; seed++) {
        float[] view = new RandomViews(strong, new Random(seed)).apply(image).toFloatArray();
        for (float v : view) {
          assertTrue(v >= 0f && v <= 1f, "jitter clamps to [0, 1]: " + v);
        }
        changed |= !java.util.Arrays.equals(pixels, view);
      }
      assertTrue(changed, "strong views change the image");
      float[] same =
          new RandomViews(new ViewSettings(0, 0f, false, 1f, 0f), new Random(3))
              .apply(image)
              .toFloatArray();
      assertArrayEquals(pixels, same, 1e-6f, "no crop and no jitter: the identity");
    }
  }
}
