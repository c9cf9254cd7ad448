package dev.lookalike.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded shuffles and samples, one implementation for training, evaluation and fitting.
 *
 * <p>The shuffle is the Fisher-Yates shuffle of {@link java.util.Collections#shuffle(List,
 * Random)}, draw for draw, so a sample taken here equals the one a {@code Collections.shuffle} with
 * the same seed took before: splits and samples recorded by earlier runs stay reproducible.
 */
public final class SeededSampling {

  private SeededSampling() {}

  /** Shuffles {@code values} in place. */
  public static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** {@code 0..count-1} in a random order. */
  public static int[] permutation(int count, Random random) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    shuffle(order, random);
    return order;
  }

  /**
   * The first {@code max} ids of a permutation of {@code 0..count-1} seeded by {@code seed}; all
   * ids in order when {@code count <= max}.
   */
  public static int[] sampleIds(int count, int max, long seed) {
    if (max < 0) {
      throw new IllegalArgumentException("sample size must be at least 0, got: " + max);
    }
    if (count <= max) {
      return permutationOrIdentity(count);
    }
    int[] order = permutation(count, new Random(seed));
    int[] ids = new int[max];
    System.arraycopy(order, 0, ids, 0, max);
    return ids;
  }

  /**
   * At most {@code max} of the items, a seeded random sample; the list itself when it is no larger.
   */
  public static <T> List<T> sample(List<T> items, int max, long seed) {
    if (items.size() <= max) {
      return items;
    }
    int[] ids = sampleIds(items.size(), max, seed);
    List<T> sample = new ArrayList<>(ids.length);
    for (int id : ids) {
      sample.add(items.get(id));
    }
    return sample;
  }

  /** At most {@code max} rows, a seeded random sample; the rows themselves when no more. */
  public static float[][] sample(float[][] rows, int max, long seed) {
    return sample(List.of(rows), max, seed).toArray(new float[0][]);
  }

  /**
   * Up to {@code max} rows chosen by a partial shuffle with a {@link SplittableRandom}, kept in
   * their original order: the sample the binarizer fits on.
   */
  public static float[][] sortedSample(float[][] rows, int max, long seed) {
    if (rows.length <= max) {
      return rows;
    }
    int[] indices = IntStream.range(0, rows.length).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(rows.length - i);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    int[] chosen = Arrays.copyOf(indices, max);
    Arrays.sort(chosen);
    float[][] out = new float[max][];
    for (int i = 0; i < max; i++) {
      out[i] = rows[chosen[i]];
    }
    return out;
  }

  private static int[] permutationOrIdentity(int count) {
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = i;
    }
    return ids;
  }
}
