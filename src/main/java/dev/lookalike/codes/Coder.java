package dev.lookalike.codes;

/**
 * Turns an encoder's latent vector into the {@link Codes} stored in the index.
 *
 * <p>The dense code is the latent scaled to unit length, so cosine similarity is a dot product and
 * the HNSW graph can use it. The binary code is the learned {@link Binarizer} applied to that unit
 * vector: on Fashion-MNIST, ITQ on the unit latent ranks better by Hamming distance than ITQ on the
 * raw latent, and cosine on the raw latent better than on the centred one (BENCHMARKS.md).
 */
public final class Coder {

  private final Binarizer binarizer;

  public Coder(Binarizer binarizer) {
    this.binarizer = binarizer;
  }

  public Codes code(float[] latent) {
    if (latent.length != binarizer.dimension()) {
      throw new IllegalArgumentException(
          "latent has "
              + latent.length
              + " values; the binarizer expects "
              + binarizer.dimension());
    }
    float[] dense = unit(latent);
    return new Codes(dense, binarizer.encode(dense));
  }

  /** {@code vector} scaled to unit length (a fixed unit vector for the zero vector). */
  public static float[] unit(float[] vector) {
    float[] unit = vector.clone();
    double norm = 0;
    for (float v : vector) {
      norm += (double) v * v;
    }
    if (norm == 0) {
      // The zero vector has no direction; any fixed unit vector keeps the index's invariant.
      unit[0] = 1;
      return unit;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < unit.length; i++) {
      unit[i] *= scale;
    }
    return unit;
  }

  /** Unit-length copies of each row. */
  public static float[][] unit(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = unit(rows[i]);
    }
    return out;
  }

  public Binarizer binarizer() {
    return binarizer;
  }
}
