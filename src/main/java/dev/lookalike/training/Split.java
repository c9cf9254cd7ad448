package dev.lookalike.training;

import dev.lookalike.linalg.SeededSampling;
import java.util.Arrays;
import java.util.Random;

/**
 * A seeded split of image ids into a training and a held-out validation part.
 *
 * <p>Both trainers draw it from the same {@link Random} they later shuffle with, so a seed fixes
 * the split and the batch order together.
 *
 * @param train ids to train on, at least one
 * @param validation ids held out, possibly none
 */
record Split(int[] train, int[] validation) {

  /**
   * Shuffles {@code 0..count-1} and holds out the first {@code round(count * validationFraction)}.
   */
  static Split of(int count, double validationFraction, Random random) {
    int[] order = SeededSampling.permutation(count, random);
    int validation = (int) Math.round(count * validationFraction);
    if (count - validation < 1) {
      throw new IllegalArgumentException(
          "no training images left after holding out " + validation + " for validation");
    }
    return new Split(
        Arrays.copyOfRange(order, validation, count), Arrays.copyOfRange(order, 0, validation));
  }

  /** Shuffles in place. */
  static void shuffle(int[] values, Random random) {
    SeededSampling.shuffle(values, random);
  }
}
