package dev.lookalike.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.linalg.ItqRotation;
import dev.lookalike.linalg.Matrices;
import dev.lookalike.linalg.Pca;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.linalg.Vectors;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Turns dense vectors into binary codes by thresholding linear projections.
 *
 * <p>Bit {@code b} of a code is 1 iff {@code (vector - mean) · projection[b] > thresholds[b]}. The
 * projections come from PCA (optionally rotated by {@link ItqRotation}) and the thresholds are
 * training medians, so every bit splits the training data in half and carries as much information
 * as one bit can. Instances are immutable and serialise to JSON with Jackson as-is, so the exact
 * encoder used to build an index can be stored next to it.
 */
public final class Binarizer {

  /** ITQ iterations; the quantisation error has flattened out well before 50. */
  static final int ITQ_ITERATIONS = 50;

  /** Most training vectors ITQ learns from; more barely changes the rotation but costs time. */
  static final int ITQ_MAX_SAMPLES = 20_000;

  private final BinarizerMethod method;
  private final float[] mean;
  private final float[][] projection;
  private final float[] thresholds;

  /**
   * Creates a binarizer from its parts, copying the arrays.
   *
   * <p>{@code projection} is {@code bits x dimension}; {@code mean} has the dimension and {@code
   * thresholds} one entry per bit. All values must be finite.
   */
  @JsonCreator
  public Binarizer(
      @JsonProperty("method") BinarizerMethod method,
      @JsonProperty("mean") float[] mean,
      @JsonProperty("projection") float[][] projection,
      @JsonProperty("thresholds") float[] thresholds) {
    this.method = Objects.requireNonNull(method, "method");
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(thresholds, "thresholds");
    if (mean.length == 0) {
      throw new IllegalArgumentException("mean must have dimension >= 1, got 0");
    }
    if (projection.length == 0) {
      throw new IllegalArgumentException("projection must have at least one row (bit), got 0");
    }
    if (thresholds.length != projection.length) {
      throw new IllegalArgumentException(
          "thresholds has "
              + thresholds.length
              + " entries, expected one per projection row: "
              + projection.length);
    }
    for (int b = 0; b < projection.length; b++) {
      Objects.requireNonNull(projection[b], "projection[" + b + "]");
      if (projection[b].length != mean.length) {
        throw new IllegalArgumentException(
            "projection["
                + b
                + "] has dimension "
                + projection[b].length
                + ", expected the mean's dimension "
                + mean.length);
      }
      Vectors.requireFinite(projection[b], "projection[" + b + "]");
    }
    Vectors.requireFinite(mean, "mean");
    Vectors.requireFinite(thresholds, "thresholds");
    this.mean = mean.clone();
    this.projection = Pca.deepCopy(projection);
    this.thresholds = thresholds.clone();
  }

  /**
   * Fits a binarizer producing {@code bits}-bit codes for vectors like {@code trainingVectors}.
   *
   * <p>With more bits than dimensions, the PCA basis is reused in further blocks, each turned by a
   * seeded random rotation, so that extra bits are new directions rather than copies. The same
   * inputs and seed always give the same binarizer.
   */
  public static Binarizer fit(
      float[][] trainingVectors, int bits, BinarizerMethod method, long seed) {
    Objects.requireNonNull(trainingVectors, "trainingVectors");
    Objects.requireNonNull(method, "method");
    if (trainingVectors.length == 0) {
      throw new IllegalArgumentException("trainingVectors must not be empty");
    }
    if (bits < 1) {
      throw new IllegalArgumentException("bits must be >= 1, got " + bits);
    }
    int dim = Pca.dimensionOf(trainingVectors);
    SplittableRandom seeds = new SplittableRandom(seed);
    long blockSeed = seeds.nextLong();
    long sampleSeed = seeds.nextLong();
    long itqSeed = seeds.nextLong();

    if (method == BinarizerMethod.UNITS) {
      if (bits != dim) {
        throw new IllegalArgumentException(
            "the units binarizer makes one bit per dimension: bits must be "
                + dim
                + ", got "
                + bits);
      }
      float[][] identity = new float[dim][dim];
      for (int b = 0; b < dim; b++) {
        identity[b][b] = 1f;
      }
      float[] zero = new float[dim];
      return new Binarizer(
          method, zero, identity, Matrices.columnMedians(project(trainingVectors, zero, identity)));
    }
    Pca pca = Pca.fit(trainingVectors, Math.min(bits, dim));
    float[] mean = pca.mean();
    float[][] directions = directions(pca.components(), bits, blockSeed);
    if (method == BinarizerMethod.ITQ) {
      float[][] sample = SeededSampling.sortedSample(trainingVectors, ITQ_MAX_SAMPLES, sampleSeed);
      float[][] rotation =
          ItqRotation.learn(project(sample, mean, directions), ITQ_ITERATIONS, itqSeed);
      directions = Matrices.transposeTimes(rotation, directions);
    }
    float[] thresholds = Matrices.columnMedians(project(trainingVectors, mean, directions));
    return new Binarizer(method, mean, directions, thresholds);
  }

  /** Returns how the projections were chosen. */
  @JsonProperty("method")
  public BinarizerMethod method() {
    return method;
  }

  /** Returns a copy of the mean subtracted before projecting. */
  @JsonProperty("mean")
  public float[] mean() {
    return mean.clone();
  }

  /** Returns a copy of the {@code bits x dimension} projection; row {@code b} is bit {@code b}. */
  @JsonProperty("projection")
  public float[][] projection() {
    return Pca.deepCopy(projection);
  }

  /** Returns a copy of the per-bit thresholds. */
  @JsonProperty("thresholds")
  public float[] thresholds() {
    return thresholds.clone();
  }

  /** Returns the code length in bits. */
  public int bits() {
    return projection.length;
  }

  /** Returns the dimension of the vectors this binarizer encodes. */
  public int dimension() {
    return mean.length;
  }

  /** Encodes one vector into {@link BinaryCodes#words(int)} words, laid out as in BinaryCodes. */
  public long[] encode(float[] vector) {
    double[] projected = projectOne(vector, mean, projection);
    long[] code = new long[BinaryCodes.words(projected.length)];
    for (int b = 0; b < projected.length; b++) {
      if (projected[b] > thresholds[b]) {
        code[b >>> 6] |= 1L << (b & 63);
      }
    }
    return code;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Binarizer that
        && method == that.method
        && Arrays.equals(mean, that.mean)
        && Arrays.deepEquals(projection, that.projection)
        && Arrays.equals(thresholds, that.thresholds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        method,
        Arrays.hashCode(mean),
        Arrays.deepHashCode(projection),
        Arrays.hashCode(thresholds));
  }

  @Override
  public String toString() {
    return "Binarizer[method=" + method + ", bits=" + bits() + ", dimension=" + dimension() + "]";
  }

  /** The PCA basis, then randomly rotated copies of it, until {@code bits} rows are filled. */
  private static float[][] directions(float[][] basis, int bits, long blockSeed) {
    if (bits <= basis.length) {
      return basis;
    }
    int dim = basis.length;
    SplittableRandom blockSeeds = new SplittableRandom(blockSeed);
    float[][] out = new float[bits][];
    System.arraycopy(basis, 0, out, 0, dim);
    for (int start = dim; start < bits; start += dim) {
      float[][] rotated =
          Matrices.times(ItqRotation.randomRotation(dim, blockSeeds.nextLong()), basis);
      System.arraycopy(rotated, 0, out, start, Math.min(dim, bits - start));
    }
    return out;
  }

  private static double[] projectOne(float[] vector, float[] mean, float[][] directions) {
    Objects.requireNonNull(vector, "vector");
    if (vector.length != mean.length) {
      throw new IllegalArgumentException(
          "vector has dimension " + vector.length + ", expected " + mean.length);
    }
    float[] centred = new float[mean.length];
    for (int j = 0; j < centred.length; j++) {
      centred[j] = vector[j] - mean[j];
    }
    double[] out = new double[directions.length];
    for (int b = 0; b < directions.length; b++) {
      float[] direction = directions[b];
      double sum = 0;
      for (int j = 0; j < centred.length; j++) {
        sum += centred[j] * direction[j];
      }
      out[b] = sum;
    }
    return out;
  }

  private static float[][] project(float[][] vectors, float[] mean, float[][] directions) {
    float[][] out = new float[vectors.length][];
    IntStream.range(0, vectors.length)
        .parallel()
        .forEach(i -> out[i] = Matrices.toFloat(projectOne(vectors[i], mean, directions)));
    return out;
  }
}
