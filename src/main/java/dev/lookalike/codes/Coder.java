package dev.lookalike.codes;

import dev.lookalike.linalg.Vectors;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an encoder's latent vector into the {@link Codes} stored in the index.
 *
 * <p>The dense code is the latent, optionally passed through a {@link DenseProjection}, scaled to
 * unit length, so cosine similarity is a dot product and the HNSW graph can use it. The binary code
 * is the learned {@link Binarizer} applied to that unit vector: on Fashion-MNIST, ITQ on the unit
 * code ranks better by Hamming distance than ITQ on the raw latent (BENCHMARKS.md).
 */
public final class Coder {

  private final Binarizer binarizer;
  private final DenseProjection projection;

  /** A coder whose dense code is the unit latent. */
  public Coder(Binarizer binarizer) {
    this(binarizer, Optional.empty());
  }

  public Coder(Binarizer binarizer, Optional<DenseProjection> projection) {
    this.binarizer = Objects.requireNonNull(binarizer, "binarizer");
    this.projection = projection.orElse(null);
    int dense = this.projection == null ? binarizer.dimension() : this.projection.outputs();
    if (dense != binarizer.dimension()) {
      throw new IllegalArgumentException(
          "the dense projection gives "
              + dense
              + " values; the binarizer expects "
              + binarizer.dimension());
    }
  }

  /**
   * Fits the coder for latents like {@code latents}: first the dense projection {@code dense} asks
   * for, then the binarizer on the dense codes it gives.
   */
  public static Coder fit(
      float[][] latents, DenseCode dense, int bits, BinarizerMethod method, long seed) {
    Optional<DenseProjection> projection = dense.fit(latents);
    float[][] codes = new float[latents.length][];
    for (int i = 0; i < latents.length; i++) {
      codes[i] = dense(projection.orElse(null), latents[i]);
    }
    return new Coder(Binarizer.fit(codes, bits, method, seed), projection);
  }

  public Codes code(float[] latent) {
    float[] dense = dense(latent);
    return new Codes(dense, binarizer.encode(dense));
  }

  /**
   * The codes of a dense code made otherwise than from one latent, e.g. the mean direction of an
   * expanded query: it is binarized as it is, not projected again.
   */
  public Codes ofDense(float[] dense) {
    if (dense.length != binarizer.dimension()) {
      throw new IllegalArgumentException(
          "dense code has "
              + dense.length
              + " values; the binarizer expects "
              + binarizer.dimension());
    }
    return new Codes(dense, binarizer.encode(dense));
  }

  /** The unit-length dense code of {@code latent}. */
  public float[] dense(float[] latent) {
    int expected = projection == null ? binarizer.dimension() : projection.dimension();
    if (latent.length != expected) {
      throw new IllegalArgumentException(
          "latent has " + latent.length + " values; the coder expects " + expected);
    }
    return dense(projection, latent);
  }

  private static float[] dense(DenseProjection projection, float[] latent) {
    return Vectors.unit(projection == null ? latent : projection.apply(latent));
  }

  /** The dense codes of each row. */
  public float[][] dense(float[][] latents) {
    float[][] codes = new float[latents.length][];
    for (int i = 0; i < latents.length; i++) {
      codes[i] = dense(latents[i]);
    }
    return codes;
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

  /** The projection before unit scaling; empty when the dense code is the unit latent. */
  public Optional<DenseProjection> projection() {
    return Optional.ofNullable(projection);
  }
}
