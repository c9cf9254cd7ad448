package dev.lookalike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * DJL's default weight initialisation, He-normal N(0, 2 / fan-in) (its {@code XavierInitializer}
 * with Gaussian values, fan-in factor and magnitude 2), drawn from a seeded {@link Noise} instead
 * of the engine's global generator. Fan-in is the second dimension times the kernel's area.
 */
public final class SeededInitializer implements Initializer {

  private final Noise noise;

  public SeededInitializer(Noise noise) {
    this.noise = noise;
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    if (shape.dimension() < 2) {
      throw new IllegalArgumentException("weights need at least 2 dimensions, got: " + shape);
    }
    long fanIn = shape.get(1);
    for (int i = 2; i < shape.dimension(); i++) {
      fanIn *= shape.get(i);
    }
    return noise.normal(manager, shape, dataType, (float) Math.sqrt(2.0 / fanIn));
  }
}
