package dev.lookalike.index;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import java.util.Random;

/**
 * Codes like a model's: latents drawn around a few random centres, coded as unit vectors and their
 * ITQ sign bits, so that near neighbours exist and recall is meaningful.
 */
public final class ClusteredCodes {

  public static final int CLUSTERS = 12;

  private final float[][] centres;
  private final Coder coder;
  private final Random random;
  private final int latent;

  public ClusteredCodes(Random random, int latent, int bits) {
    this.random = random;
    this.latent = latent;
    centres = new float[CLUSTERS][latent];
    for (float[] centre : centres) {
      for (int d = 0; d < latent; d++) {
        centre[d] = (float) random.nextGaussian() * 3;
      }
    }
    float[][] training = new float[400][];
    for (int i = 0; i < training.length; i++) {
      training[i] = latent(i % CLUSTERS);
    }
    coder = new Coder(Binarizer.fit(training, bits, BinarizerMethod.ITQ, random.nextLong()));
  }

  /** A random latent near centre {@code cluster}. */
  private float[] latent(int cluster) {
    float[] v = new float[latent];
    for (int d = 0; d < latent; d++) {
      v[d] = centres[cluster][d] + (float) random.nextGaussian();
    }
    return v;
  }

  /** The codes of a new random point of cluster {@code cluster}. */
  public Codes next(int cluster) {
    return coder.code(latent(cluster));
  }

  /** The codes of a new random point of a random cluster (a query never indexed). */
  public Codes query() {
    return next(random.nextInt(CLUSTERS));
  }
}
