package dev.lookalike.eval;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.Coder;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Pca;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.linalg.Vectors;

/**
 * One representation of both sides of a comparison, transformed the same way on both.
 *
 * @param database one row per database image
 * @param queries one row per query image
 */
record Rows(float[][] database, float[][] queries) {

  /** Learning PCA and ITQ on more than this many database rows changes nothing measurable. */
  static final int FIT_SAMPLE = 20_000;

  /** Binary codes of both sides. */
  record Bits(long[][] database, long[][] queries) {}

  static Rows pixels(LabeledImages database, LabeledImages queries) {
    return new Rows(pixels(database), pixels(queries));
  }

  private static float[][] pixels(LabeledImages images) {
    return images.images().stream().map(FloatImage::pixels).toArray(float[][]::new);
  }

  /** A seeded sample of the database rows to fit PCA, ITQ or statistics on. */
  float[][] fitSample(long seed) {
    return SeededSampling.sample(database, FIT_SAMPLE, seed);
  }

  Rows unit() {
    return new Rows(Vectors.unit(database), Vectors.unit(queries));
  }

  /** The dense codes {@code coder} makes of these latents of the database's and queries' images. */
  Rows dense(Coder coder, LabeledImages databaseImages, LabeledImages queryImages) {
    return new Rows(
        coder.dense(database, databaseImages.images()), coder.dense(queries, queryImages.images()));
  }

  Rows centred(float[] mean) {
    return new Rows(Vectors.centred(database, mean), Vectors.centred(queries, mean));
  }

  Rows projected(Pca pca) {
    return new Rows(pca.project(database), pca.project(queries));
  }

  /** Projected onto the principal axes, each divided by (its standard deviation)^power. */
  Rows whitened(Pca pca, double power) {
    return new Rows(whitened(pca, database, power), whitened(pca, queries, power));
  }

  Bits encode(Binarizer binarizer) {
    return new Bits(encode(binarizer, database), encode(binarizer, queries));
  }

  private static float[][] whitened(Pca pca, float[][] rows, double power) {
    double[] variance = pca.explainedVariance();
    float[][] projected = pca.project(rows);
    for (float[] row : projected) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= (float) Math.pow(Math.max(variance[j], 1e-12), power / 2);
      }
    }
    return projected;
  }

  private static long[][] encode(Binarizer binarizer, float[][] rows) {
    long[][] codes = new long[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = binarizer.encode(rows[i]);
    }
    return codes;
  }
}
