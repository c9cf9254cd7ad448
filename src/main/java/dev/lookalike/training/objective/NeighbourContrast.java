package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * One training run's {@link NeighbourPositives}: a ring of the unit codes of the last {@code
 * support} training images (copies, outside the gradient), searched by inner product for each
 * image's nearest code, which then stands in for the image against its view.
 */
final class NeighbourContrast implements Penalty {

  /** Searched only once it holds this many codes (or is full): fewer give poor neighbours. */
  static final int LEAST_FILLED = 1024;

  private final NeighbourPositives settings;
  private float[] codes;
  private int dimension;
  private int size;
  private int next;

  NeighbourContrast(NeighbourPositives settings) {
    this.settings = settings;
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray anchors = NtXent.unit(input.code());
    float[] values = anchors.toFloatArray();
    int rows = (int) anchors.getShape().get(0);
    NDArray loss;
    if (size >= Math.min(LEAST_FILLED, settings.support())) {
      NDArray positives = nearest(anchors.getManager(), anchors.stopGradient());
      loss = NtXent.loss(positives, NtXent.unit(input.viewCode()), NeighbourPositives.TEMPERATURE);
      loss = loss.mul(settings.weight());
    } else {
      loss = anchors.getManager().create(0f);
    }
    add(values, rows, (int) anchors.getShape().get(1));
    return loss;
  }

  /** Each row's nearest code in the support set (the largest inner product; the first on ties). */
  NDArray nearest(NDManager manager, NDArray unitCodes) {
    NDArray support = manager.create(filled(), new Shape(size, dimension));
    long[] best = unitCodes.matMul(support.transpose()).argMax(1).toLongArray();
    float[] out = new float[best.length * dimension];
    for (int i = 0; i < best.length; i++) {
      System.arraycopy(codes, (int) best[i] * dimension, out, i * dimension, dimension);
    }
    return manager.create(out, new Shape(best.length, dimension));
  }

  /** Appends {@code rows} codes of {@code dimension}, overwriting the oldest once full. */
  void add(float[] values, int rows, int dimension) {
    if (codes == null) {
      this.dimension = dimension;
      codes = new float[settings.support() * dimension];
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(values, r * dimension, codes, next * dimension, dimension);
      next = (next + 1) % settings.support();
      size = Math.min(size + 1, settings.support());
    }
  }

  int size() {
    return size;
  }

  private float[] filled() {
    return size == settings.support() ? codes : Arrays.copyOf(codes, size * dimension);
  }

  @Override
  public String spec() {
    return settings.spec();
  }
}
