package dev.lookalike.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

  @Test
  void tiesAreBrokenByIndex() {
    float[] distances = {3, 1, 2, 1, 1, 0};
    assertArrayEquals(new int[] {5, 1, 3, 4}, TopK.smallest(distances, 4));
    assertArrayEquals(new int[] {5, 1}, TopK.smallest(distances, 2));
    int[] hamming = {3, 1, 2, 1, 1, 0};
    assertArrayEquals(new int[] {5, 1, 3, 4}, TopK.smallestHamming(hamming, 4));
    assertArrayEquals(new int[] {5, 1}, TopK.smallestHamming(hamming, 2));
  }

  @Test
  void kLargerThanNReturnsEverythingSorted() {
    assertArrayEquals(new int[] {1, 2, 0}, TopK.smallest(new float[] {2, 0, 1}, 10));
    assertArrayEquals(new int[] {1, 2, 0}, TopK.smallestHamming(new int[] {2, 0, 1}, 10));
    assertEquals(0, TopK.smallest(new float[] {2, 0, 1}, 0).length);
    assertEquals(0, TopK.smallestHamming(new int[] {2, 0, 1}, 0).length);
    assertEquals(0, TopK.smallest(new float[0], 5).length);
    assertEquals(0, TopK.smallestHamming(new int[0], 5).length);
  }

  @Test
  void floatsMatchAFullStableSort() {
    Random random = new Random(1);
    for (int trial = 0; trial < 20; trial++) {
      int n = 1 + random.nextInt(5_000);
      float[] distances = new float[n];
      for (int i = 0; i < n; i++) {
        // coarse values so that ties are common
        distances[i] = random.nextInt(50) / 4f;
      }
      int k = random.nextInt(n + 2);
      int[] expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.<Integer>comparingDouble(i -> distances[i]))
              .limit(k)
              .mapToInt(Integer::intValue)
              .toArray();
      assertArrayEquals(expected, TopK.smallest(distances, k), "n=" + n + " k=" + k);
    }
  }

  @Test
  void hammingMatchesAFullStableSort() {
    Random random = new Random(2);
    for (int trial = 0; trial < 20; trial++) {
      int n = 1 + random.nextInt(60_000);
      int[] distances = new int[n];
      for (int i = 0; i < n; i++) {
        distances[i] = random.nextInt(65);
      }
      int k = random.nextInt(2_000);
      int[] expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingInt(i -> distances[i]))
              .limit(k)
              .mapToInt(Integer::intValue)
              .toArray();
      assertArrayEquals(expected, TopK.smallestHamming(distances, k), "n=" + n + " k=" + k);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> TopK.smallest(new float[3], -1));
    assertThrows(IllegalArgumentException.class, () -> TopK.smallestHamming(new int[3], -1));
    assertThrows(IllegalArgumentException.class, () -> TopK.smallestHamming(new int[] {0, -2}, 1));
  }
}
