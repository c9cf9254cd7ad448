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
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Over-clustering: views are classified into the k-means clusters of their images. */
class OverClusteringTest {

  @Test
  void balancingKeepsOneClusterFromTakingTheWholeBatch() {
    // eight images, all nearest to cluster 0, four of them slightly less so than to cluster 1
    float[] scores = {
      0.9f, 0.1f, 0.9f, 0.1f, 0.9f, 0.1f, 0.9f, 0.1f, 0.6f, 0.55f, 0.6f, 0.55f, 0.6f, 0.55f, 0.6f,
      0.55f
    };
    double[] q = ClusterTargets.balanced(scores, 8, 2);
    for (int r = 0; r < 8; r++) {
      int expected = r < 4 ? 0 : 1; // a raw argmax would put all eight in cluster 0
      assertTrue(q[r * 2 + expected] > q[r * 2 + 1 - expected], "image " + r);
    }
    assertArrayEquals(
        new int[] {0, 0, 0, 0, -1, -1, -1, -1},
        ClusterTargets.confidentAssignments(scores, 8, 2),
        "the clear half is the confident one");
  }

  @Test
  void theLessConfidentHalfIsLeftOut() {
    // four images per cluster of three; the even ones are clear, the odd ones nearly tied
    float[] scores = new float[8 * 3];
    for (int r = 0; r < 8; r++) {
      int c = r % 3;
      scores[r * 3 + c] = 1;
      scores[r * 3 + (c + 1) % 3] = r % 2 == 0 ? 0 : 0.98f;
    }
    int[] assigned = ClusterTargets.confidentAssignments(scores, 8, 3);
    assertArrayEquals(new int[] {0, -1, 2, -1, 1, -1, 0, -1}, assigned);
  }

  @Test
  void viewsInTheirImagesClusterCostLittleAndViewsElsewhereCostMuch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClusterTargets own = filled(manager, 1f, new Random(7));
      ClusterTargets turned = filled(manager, 1f, new Random(7));
      ClusterTargets twice = filled(manager, 2f, new Random(7));
      float[] anchors = noisyAxes(new Random(8), 0, 1, 2, 3, 0, 1, 2, 3);
      float same = own.loss(input(manager, anchors, v -> v)).getFloat();
      float other =
          turned
              .loss(input(manager, anchors, v -> FourAxisInputs.images(manager, turn(anchors))))
              .getFloat();
      assertTrue(same < 0.1f, "a view in its image's cluster: " + same);
      assertTrue(other > same + 5, same + " vs " + other);
      float doubled =
          twice
              .loss(input(manager, anchors, v -> FourAxisInputs.images(manager, turn(anchors))))
              .getFloat();
      assertEquals(2 * other, doubled, 1e-3 * other, "scales with λ");
      for (ClusterTargets run : new ClusterTargets[] {own, turned, twice}) {
        assertEquals(4, run.clusterCount(), "the four axes");
      }
    }
  }

  @Test
  void nothingIsAskedBeforeTheFirstEpochHasPassed() {
    ClusterTargets run = (ClusterTargets) new OverClustering(1f, 4).forRun(2048);
    Random random = new Random(9);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] anchors = noisyAxes(random, 0, 1, 2, 3, 0, 1, 2, 3);
      for (int step = 0; step * 8 < 2048; step++) { // the ring is filled enough after 1,024
        NDArray loss =
            run.loss(input(manager, anchors, v -> FourAxisInputs.images(manager, turn(anchors))));
        assertEquals(0f, loss.getFloat(), "step " + step);
      }
      float value =
          run.loss(input(manager, anchors, v -> FourAxisInputs.images(manager, turn(anchors))))
              .getFloat();
      assertTrue(value > 1, "classified once filled: " + value);
    }
  }

  @Test
  void eachRunHasItsOwnCentroidsAndTheSpecIsChecked() {
    Penalty settings = Penalty.overClustering("0.5");
    assertEquals("clusters=0.5:40", settings.spec());
    assertTrue(settings.usesViews());
    assertNotSame(settings.forRun(100_000), settings.forRun(100_000));
    assertThrows(IllegalStateException.class, () -> settings.loss(null));
    IllegalArgumentException few =
        assertThrows(IllegalArgumentException.class, () -> settings.forRun(500));
    assertTrue(few.getMessage().contains("at most 31 clusters"), few.getMessage());
    assertEquals("clusters=1.0:30", Penalty.overClustering("1:30").spec());
    assertThrows(IllegalArgumentException.class, () -> Penalty.overClustering("1:1"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.overClustering("1:30.5"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.overClustering("-1"));
    assertThrows(IllegalArgumentException.class, () -> Penalty.overClustering("1:2:3"));
  }

  /** A run past its first epoch whose ring holds noisy copies of the four axes. */
  private static ClusterTargets filled(NDManager manager, float weight, Random random) {
    ClusterTargets run = (ClusterTargets) new OverClustering(weight, 4).forRun(1024);
    for (int i = 0; i * 4 < 1024; i++) {
      run.loss(input(manager, noisyAxes(random, 0, 1, 2, 3), null));
    }
    return run;
  }

  private static float[] noisyAxes(Random random, int... hot) {
    float[] codes = new float[hot.length * DIMENSION];
    for (int i = 0; i < hot.length; i++) {
      for (int d = 0; d < DIMENSION; d++) {
        codes[i * DIMENSION + d] = 0.05f * (float) random.nextGaussian();
      }
      codes[i * DIMENSION + hot[i]] += 1;
    }
    return codes;
  }

  /** Each code moved to the next axis. */
  private static float[] turn(float[] codes) {
    float[] turned = new float[codes.length];
    for (int i = 0; i < codes.length; i++) {
      int row = i / DIMENSION;
      turned[row * DIMENSION + (i + 1) % DIMENSION] = codes[i];
    }
    return turned;
  }
}
