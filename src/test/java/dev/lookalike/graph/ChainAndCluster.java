package dev.lookalike.graph;

import java.util.Random;

/**
 * Unit codes where cosine and the collection disagree: a chain of images bending away from the
 * query (each close to the next, the far end nearly orthogonal to the query) and a tight cluster
 * that is closer to the query than the chain's far half but connected to nothing in the chain.
 * Ranking by cosine mixes the cluster into the chain; following the chain does not.
 */
public final class ChainAndCluster {

  public static final int DIMENSIONS = 16;

  private final float[][] chain;
  private final float[][] cluster;

  public ChainAndCluster(Random random, int chainLength, int clusterSize) {
    chain = new float[chainLength][];
    for (int i = 0; i < chainLength; i++) {
      double angle = Math.PI / 2 * i / (chainLength - 1);
      float[] v = noise(random, 0.01);
      v[0] += (float) Math.cos(angle);
      v[1] += (float) Math.sin(angle);
      chain[i] = unit(v);
    }
    cluster = new float[clusterSize][];
    for (int i = 0; i < clusterSize; i++) {
      float[] v = noise(random, 0.03);
      v[0] += 0.75f;
      v[2] += 0.66f;
      cluster[i] = unit(v);
    }
  }

  /** The query: where the chain starts. */
  public float[] query() {
    return unit(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  }

  public float[][] chain() {
    return chain;
  }

  public float[][] cluster() {
    return cluster;
  }

  /** Chain then cluster: image i of the chain is row i, image j of the cluster row chain + j. */
  public float[][] all() {
    float[][] all = new float[chain.length + cluster.length][];
    System.arraycopy(chain, 0, all, 0, chain.length);
    System.arraycopy(cluster, 0, all, chain.length, cluster.length);
    return all;
  }

  public static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static float[] noise(Random random, double sigma) {
    float[] v = new float[DIMENSIONS];
    for (int d = 3; d < DIMENSIONS; d++) {
      v[d] = (float) (random.nextGaussian() * sigma);
    }
    return v;
  }

  private static float[] unit(float[] v) {
    float norm = (float) Math.sqrt(dot(v, v));
    for (int d = 0; d < v.length; d++) {
      v[d] /= norm;
    }
    return v;
  }
}
