package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import dev.lookalike.nn.Noise;
import java.util.function.UnaryOperator;

/**
 * Training steps for the tests of penalties that look past the batch: each image is a 1×1×4 array
 * that an "encoder" reads as its 4-float code.
 */
final class FourAxisInputs {

  static final int DIMENSION = 4;

  private static final LambdaBlock FLATTEN =
      new LambdaBlock(
          list ->
              new NDList(
                  list.singletonOrThrow().reshape(list.singletonOrThrow().getShape().get(0), -1)));

  private FourAxisInputs() {}

  /** Codes as a batch of images, one per {@link #DIMENSION} floats. */
  static NDArray images(NDManager manager, float[] codes) {
    return manager.create(codes, new Shape(codes.length / DIMENSION, 1, 1, DIMENSION));
  }

  /** A step whose images' codes are {@code anchors} and whose views {@code views} makes. */
  static PenaltyInput input(NDManager manager, float[] anchors, UnaryOperator<NDArray> views) {
    NDArray clean = images(manager, anchors);
    NDArray code = manager.create(anchors, new Shape(anchors.length / DIMENSION, DIMENSION));
    return new PenaltyInput(
        new ParameterStore(manager, false),
        FLATTEN,
        clean,
        clean,
        code,
        new Corruption.None(),
        views,
        new Noise(3));
  }
}
