package dev.lookalike.eval;

import dev.lookalike.linalg.Pca;

/**
 * How spread out a set of latent codes is, the check against collapse: when a training term makes
 * every image's code nearly the same, the first principal component holds most of the variance and
 * the units become strongly correlated.
 *
 * @param firstComponentShare share of the total variance along the first principal axis
 * @param meanAbsCorrelation mean |Pearson correlation| over pairs of distinct units
 */
public record LatentSpectrum(double firstComponentShare, double meanAbsCorrelation) {

  public static LatentSpectrum of(float[][] latents) {
    int d = latents[0].length;
    double[] variance = Pca.fit(latents, d).explainedVariance();
    double total = 0;
    for (double v : variance) {
      total += v;
    }
    double[] mean = new double[d];
    for (float[] row : latents) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / (double) latents.length;
      }
    }
    double[][] covariance = new double[d][d];
    for (float[] row : latents) {
      for (int i = 0; i < d; i++) {
        double a = row[i] - mean[i];
        for (int j = i; j < d; j++) {
          covariance[i][j] += a * (row[j] - mean[j]);
        }
      }
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double denominator = Math.sqrt(covariance[i][i] * covariance[j][j]);
        sum += denominator == 0 ? 0 : Math.abs(covariance[i][j] / denominator);
        pairs++;
      }
    }
    return new LatentSpectrum(total == 0 ? 0 : variance[0] / total, pairs == 0 ? 0 : sum / pairs);
  }
}
