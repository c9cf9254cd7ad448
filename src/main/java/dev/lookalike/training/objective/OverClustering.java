package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * Label-free pseudo-classes by over-clustering (DeepCluster, Caron et al. 2018; its swapped,
 * balanced form SwAV, Caron et al. 2020): spherical k-means cuts the codes of recently seen
 * training images into {@code clusters} groups, many more than a collection has kinds of things,
 * and each image's view must be classified into the group of the image (and the image into its
 * view's group) by a softmax over the centroids at temperature 0.1. Only confident assignments
 * teach: the half of each batch whose balanced assignment is clearest. The term starts after the
 * first epoch, once the codes mean something.
 *
 * <p>Guards against degenerate clusters: the assignments of a batch are balanced over the clusters
 * (Sinkhorn–Knopp, as SwAV), clusters holding under a quarter of their share of the support set are
 * dropped, and the centroids are refitted every {@link ClusterTargets#REFIT_STEPS} steps as the
 * codes move.
 *
 * <p>Experimental: of six 10-epoch Fashion-MNIST runs, one gave the best codes measured, three
 * diverged to NaN early in the second epoch and two collapsed onto few directions; the cause is not
 * found (BENCHMARKS.md, issue 10's eleventh part).
 *
 * <p>This record is the configuration; each training run gets its own support set and centroids
 * from {@link #forRun(int)}.
 *
 * @param weight λ
 * @param clusters k, the number of pseudo-classes
 */
public record OverClustering(float weight, int clusters) implements Penalty {

  /** k when none is given: the 30–50, several per kind of thing in a small collection. */
  public static final int DEFAULT_CLUSTERS = 40;

  /** How many past codes the centroids are fitted on, at most. */
  static final int SUPPORT = 8192;

  static final float TEMPERATURE = 0.1f;

  public OverClustering {
    Penalty.checkWeight("over-clustering λ", weight);
    if (clusters < 2 || clusters > 4096) {
      throw new IllegalArgumentException(
          "the over-clustering k must be in [2, 4096] clusters, got: " + clusters);
    }
  }

  /** Only a run's own instance ({@link #forRun(int)}) holds centroids to classify into. */
  @Override
  public NDArray loss(PenaltyInput input) {
    throw new IllegalStateException("over-clustering needs a run's centroids: use forRun()");
  }

  /**
   * @throws IllegalArgumentException when there are fewer than 16 training images per cluster
   */
  @Override
  public Penalty forRun(int trainImages) {
    if (trainImages < 16 * clusters) {
      throw new IllegalArgumentException(
          String.format(
              "--over-clustering: %d clusters need at least %d training images (16 per cluster),"
                  + " there are %d; give at most %d clusters, e.g. %s:%d",
              clusters,
              16 * clusters,
              trainImages,
              trainImages / 16,
              weight,
              Math.max(2, trainImages / 16)));
    }
    return new ClusterTargets(this, Math.min(SUPPORT, trainImages), trainImages);
  }

  @Override
  public boolean usesViews() {
    return true;
  }

  @Override
  public String spec() {
    return "clusters=" + weight + ":" + clusters;
  }
}
