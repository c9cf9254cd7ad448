package dev.lookalike.collection;

import dev.lookalike.index.CodeSample;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.linalg.Pca;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D picture of the collection: the dense codes of a sample of images projected on their two
 * principal components and scaled to the unit square. Similar images land near each other, so a
 * person can see the clusters the model found and click into them.
 */
public final class CollectionMap {

  public static final int MAX_POINTS = 10_000;

  /** One image on the map; x and y are in [0, 1]. */
  public record Point(String id, String label, float x, float y) {}

  /**
   * The map document.
   *
   * @param varianceShown share of the codes' variance the two map axes show
   */
  public record Map(List<Point> points, double varianceShown) {}

  private final CollectionAnalytics analytics;

  public CollectionMap(CollectionAnalytics analytics) {
    this.analytics = analytics;
  }

  public Map draw(int points) throws IOException {
    if (points < 1 || points > MAX_POINTS) {
      throw new IllegalArgumentException("n must be in [1, " + MAX_POINTS + "], got: " + points);
    }
    List<CodeSample> sample = analytics.sample(points);
    if (sample.size() < 3) {
      return new Map(
          sample.stream().map(s -> new Point(s.id(), s.label(), 0.5f, 0.5f)).toList(), 0);
    }
    float[][] codes = sample.stream().map(CodeSample::dense).toArray(float[][]::new);
    Pca pca = Pca.fit(codes, 2);
    float[][] xy = pca.project(codes);
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE};
    for (float[] p : xy) {
      for (int a = 0; a < 2; a++) {
        min[a] = Math.min(min[a], p[a]);
        max[a] = Math.max(max[a], p[a]);
      }
    }
    List<Point> result = new ArrayList<>(xy.length);
    for (int i = 0; i < xy.length; i++) {
      result.add(
          new Point(
              sample.get(i).id(),
              sample.get(i).label(),
              scale(xy[i][0], min[0], max[0]),
              scale(xy[i][1], min[1], max[1])));
    }
    double shown = pca.explainedVariance()[0] + pca.explainedVariance()[1];
    return new Map(result, shown / totalVariance(codes));
  }

  private static double totalVariance(float[][] rows) {
    int d = rows[0].length;
    double total = 0;
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double squares = 0;
      for (float[] row : rows) {
        sum += row[j];
        squares += (double) row[j] * row[j];
      }
      double mean = sum / rows.length;
      total += (squares - rows.length * mean * mean) / (rows.length - 1);
    }
    return total;
  }

  private static float scale(float v, float min, float max) {
    return max > min ? (v - min) / (max - min) : 0.5f;
  }
}
