package dev.lookalike.codes;

import dev.lookalike.linalg.Vectors;

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

  /** {@code vector} scaled to unit length: {@link Vectors#unit(float[])}. */
  public static float[] unit(float[] vector) {
    return Vectors.unit(vector);
  }

  /** Unit-length copies of each row. */
  public static float[][] unit(float[][] rows) {
    return Vectors.unit(rows);
  }

  public Binarizer binarizer() {
    return binarizer;
  }
}
