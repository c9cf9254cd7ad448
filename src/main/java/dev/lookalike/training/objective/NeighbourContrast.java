package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One training run's {@link NeighbourPositives}: a ring of the unit codes of the last {@code
 * support} training images (copies, outside the gradient), searched by inner product for each
 * image's nearest code, which then stands in for the image against its view.
 */
final class NeighbourContrast implements Penalty {

  /** Searched only once it holds this many codes (or is full): fewer give poor neighbours. */
  static final int LEAST_FILLED = 1024;

  private final NeighbourPositives settings;
  private final CodeRing support;

  NeighbourContrast(NeighbourPositives settings) {
    this.settings = settings;
    this.support = new CodeRing(settings.support());
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray anchors = NtXent.unit(input.code());
    float[] values = anchors.toFloatArray();
    int rows = (int) anchors.getShape().get(0);
    NDArray loss;
    if (support.size() >= Math.min(LEAST_FILLED, settings.support())) {
      NDArray positives = nearest(anchors.getManager(), anchors.stopGradient());
      loss = NtXent.loss(positives, NtXent.unit(input.viewCode()), NeighbourPositives.TEMPERATURE);
      loss = loss.mul(settings.weight());
    } else {
      loss = anchors.getManager().create(0f);
    }
    support.add(values, rows, (int) anchors.getShape().get(1));
    return loss;
  }

  /** Each row's nearest code in the support set (the largest inner product; the first on ties). */
  NDArray nearest(NDManager manager, NDArray unitCodes) {
    int dimension = support.dimension();
    NDArray codes = manager.create(support.flat(), new Shape(support.size(), dimension));
    long[] best = unitCodes.matMul(codes.transpose()).argMax(1).toLongArray();
    float[] out = new float[best.length * dimension];
    for (int i = 0; i < best.length; i++) {
      support.copy((int) best[i], out, i * dimension);
    }
    return manager.create(out, new Shape(best.length, dimension));
  }

  /** Appends {@code rows} codes of {@code dimension}, overwriting the oldest once full. */
  void add(float[] values, int rows, int dimension) {
    support.add(values, rows, dimension);
  }

  int size() {
    return support.size();
  }

  @Override
  public String spec() {
    return settings.spec();
  }
}
