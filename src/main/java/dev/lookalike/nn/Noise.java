package dev.lookalike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A seeded source of random arrays for training: corruption noise, the VAE's ε, the noise of a
 * binary code layer, the probes of the contractive penalty.
 *
 * <p>Values are drawn on the host from a {@link SplittableRandom} owned by one training run and
 * copied to the device, instead of from the engine's global generator: two runs with the same seed
 * draw the same values, whatever else ran on the engine. Not thread-safe, like a training run.
 */
public final class Noise {

  /** Null for {@link #none()}. */
  private final SplittableRandom random;

  public Noise(long seed) {
    this(new SplittableRandom(seed));
  }

  private Noise(SplittableRandom random) {
    this.random = random;
  }

  /**
   * For blocks built only for inference, which draw nothing: a draw is a bug and fails rather than
   * falling back to an unseeded generator.
   */
  public static Noise none() {
    return new Noise((SplittableRandom) null);
  }

  /** N(0, σ²) values of the given shape and type. */
  public NDArray normal(NDManager manager, Shape shape, DataType type, float sigma) {
    SplittableRandom source = source();
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = sigma * (float) source.nextGaussian();
    }
    NDArray array = manager.create(values, shape);
    return type == DataType.FLOAT32 ? array : array.toType(type, false);
  }

  /** N(0, σ²) values like {@code like}: same shape, type and manager. */
  public NDArray normalLike(NDArray like, float sigma) {
    return normal(like.getManager(), like.getShape(), like.getDataType(), sigma);
  }

  /** U[0, 1) float32 values of the given shape. */
  public NDArray uniform(NDManager manager, Shape shape) {
    SplittableRandom source = source();
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) source.nextDouble();
    }
    return manager.create(values, shape);
  }

  /** An independent generator for another consumer, so one's draws do not shift another's. */
  public Noise split() {
    return new Noise(source().split());
  }

  private SplittableRandom source() {
    if (random == null) {
      throw new IllegalStateException("this block was built for inference and has no noise source");
    }
    return random;
  }
}
