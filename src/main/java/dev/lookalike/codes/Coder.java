package dev.lookalike.codes;

import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Vectors;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an encoder's latent vector into the {@link Codes} stored in the index.
 *
 * <p>The dense code is the latent, optionally passed through a {@link DenseProjection}, scaled to
 * unit length, so cosine similarity is a dot product and the HNSW graph can use it; optionally that
 * is then blended with a PCA code of the image's pixels ({@link PixelBlend}) and scaled to unit
 * length again. The binary code is the learned {@link Binarizer} applied to that unit vector: on
 * Fashion-MNIST, ITQ on the unit code ranks better by Hamming distance than ITQ on the raw latent
 * (BENCHMARKS.md).
 */
public final class Coder {

  private final Binarizer binarizer;
  private final DenseProjection projection;
  private final PixelBlend blend;

  /** A coder whose dense code is the unit latent. */
  public Coder(Binarizer binarizer) {
    this(binarizer, Optional.empty());
  }

  public Coder(Binarizer binarizer, Optional<DenseProjection> projection) {
    this(binarizer, projection, Optional.empty());
  }

  public Coder(
      Binarizer binarizer, Optional<DenseProjection> projection, Optional<PixelBlend> blend) {
    this.binarizer = Objects.requireNonNull(binarizer, "binarizer");
    this.projection = projection.orElse(null);
    this.blend = blend.orElse(null);
    int dense = this.projection == null ? binarizer.dimension() : this.projection.outputs();
    if (this.blend != null && this.blend.blend().outputs() != dense) {
      throw new IllegalArgumentException(
          "the pixel blend takes a learned code of "
              + this.blend.blend().outputs()
              + " values; the latent gives "
              + dense);
    }
    if (dense != binarizer.dimension()) {
      throw new IllegalArgumentException(
          "the dense projection gives "
              + dense
              + " values; the binarizer expects "
              + binarizer.dimension());
    }
  }

  /**
   * Fits the coder for latents like {@code latents} of {@code images}: first the dense projection
   * {@code dense} asks for (and the pixel blend), then the binarizer on the dense codes they give.
   *
   * @param images the images the latents were made of, in the same order; only a {@linkplain
   *     DenseCode#BLENDED blended} code reads them (null will do for the others)
   */
  public static Coder fit(
      float[][] latents,
      List<FloatImage> images,
      DenseCode dense,
      int bits,
      BinarizerMethod method,
      long seed) {
    Optional<DenseProjection> projection = dense.fit(latents);
    float[][] codes = new float[latents.length][];
    for (int i = 0; i < latents.length; i++) {
      codes[i] = learned(projection.orElse(null), latents[i]);
    }
    if (dense == DenseCode.BLENDED && (images == null || images.size() != latents.length)) {
      throw new IllegalArgumentException(
          "a blended code is fitted on the images the latents were made of, one each");
    }
    Optional<PixelBlend> blend =
        dense == DenseCode.BLENDED ? Optional.of(PixelBlend.fit(codes, images)) : Optional.empty();
    if (blend.isPresent()) {
      for (int i = 0; i < latents.length; i++) {
        codes[i] = Vectors.unit(blend.get().apply(codes[i], images.get(i)));
      }
    }
    return new Coder(Binarizer.fit(codes, bits, method, seed), projection, blend);
  }

  /** The codes of {@code latent}, for a coder that blends in no pixels. */
  public Codes code(float[] latent) {
    return code(latent, null);
  }

  /** The codes of {@code latent}, which the encoder made of {@code image}. */
  public Codes code(float[] latent, FloatImage image) {
    float[] dense = dense(latent, image);
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

  /** The unit-length dense code of {@code latent}, which the encoder made of {@code image}. */
  public float[] dense(float[] latent, FloatImage image) {
    int expected = projection == null ? binarizer.dimension() : projection.dimension();
    if (latent.length != expected) {
      throw new IllegalArgumentException(
          "latent has " + latent.length + " values; the coder expects " + expected);
    }
    float[] learned = learned(projection, latent);
    if (blend == null) {
      return learned;
    }
    if (image == null) {
      throw new IllegalArgumentException(
          "this coder blends in the image's pixels: a code needs the image too");
    }
    return Vectors.unit(blend.apply(learned, image));
  }

  private static float[] learned(DenseProjection projection, float[] latent) {
    return Vectors.unit(projection == null ? latent : projection.apply(latent));
  }

  /** The unit-length dense code of {@code latent}, for a coder that blends in no pixels. */
  public float[] dense(float[] latent) {
    return dense(latent, null);
  }

  /** The dense codes of each row, for a coder that blends in no pixels. */
  public float[][] dense(float[][] latents) {
    float[][] codes = new float[latents.length][];
    for (int i = 0; i < latents.length; i++) {
      codes[i] = dense(latents[i]);
    }
    return codes;
  }

  /** The dense codes of each row, made of the image at the same place. */
  public float[][] dense(float[][] latents, List<FloatImage> images) {
    if (latents.length != images.size()) {
      throw new IllegalArgumentException(
          latents.length + " latents but " + images.size() + " images");
    }
    float[][] codes = new float[latents.length][];
    for (int i = 0; i < latents.length; i++) {
      codes[i] = dense(latents[i], images.get(i));
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

  /** The blend with the pixels' code; empty when the dense code is the learned code alone. */
  public Optional<PixelBlend> blend() {
    return Optional.ofNullable(blend);
  }
}
