package dev.lookalike.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BinarizerTest {

  /** Gaussian clusters in {@code dim} dimensions with per-dimension decaying spread. */
  private static float[][] clustered(int n, int dim, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[30][dim];
    for (float[] centre : centres) {
      for (int j = 0; j < dim; j++) {
        centre[j] = (float) (random.nextGaussian() * 2 / Math.sqrt(1 + j));
      }
    }
    float[][] rows = new float[n][dim];
    for (float[] row : rows) {
      float[] centre = centres[random.nextInt(centres.length)];
      for (int j = 0; j < dim; j++) {
        row[j] = (float) (centre[j] + 0.5 * random.nextGaussian());
      }
    }
    return rows;
  }

  private static void assertBalanced(Binarizer binarizer, float[][] rows) {
    int[] ones = new int[binarizer.bits()];
    for (float[] row : rows) {
      long[] code = binarizer.encode(row);
      assertEquals(BinaryCodes.words(binarizer.bits()), code.length);
      for (int b = 0; b < ones.length; b++) {
        ones[b] += (int) ((code[b >>> 6] >>> (b & 63)) & 1);
      }
    }
    for (int b = 0; b < ones.length; b++) {
      double fraction = (double) ones[b] / rows.length;
      assertTrue(fraction >= 0.45 && fraction <= 0.55, "bit " + b + " is one for " + fraction);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BinarizerMethod.class,
      names = {"MEDIAN", "ITQ"})
  void bitsAreBalancedOnTrainingData(BinarizerMethod method) {
    float[][] rows = clustered(3_000, 32, 1);
    Binarizer binarizer = Binarizer.fit(rows, 24, method, 5);
    assertEquals(24, binarizer.bits());
    assertEquals(32, binarizer.dimension());
    assertEquals(method, binarizer.method());
    assertBalanced(binarizer, rows);
  }

  @ParameterizedTest
  @EnumSource(
      value = BinarizerMethod.class,
      names = {"MEDIAN", "ITQ"})
  void moreBitsThanDimensions(BinarizerMethod method) {
    float[][] rows = clustered(3_000, 64, 2);
    Binarizer binarizer = Binarizer.fit(rows, 128, method, 6);
    assertEquals(128, binarizer.bits());
    assertEquals(2, binarizer.encode(rows[0]).length);
    assertBalanced(binarizer, rows);
    float[][] projection = binarizer.projection();
    for (int b = 64; b < 128; b++) {
      double norm = 0;
      double sameAsBasis = 0;
      for (int j = 0; j < 64; j++) {
        norm += projection[b][j] * projection[b][j];
        sameAsBasis = Math.max(sameAsBasis, Math.abs(projection[b][j] - projection[b - 64][j]));
      }
      if (method == BinarizerMethod.MEDIAN) {
        // rotated copies of an orthonormal basis; ITQ then mixes all 128 rows, so no unit norm
        assertEquals(1, norm, 1e-3, "extra direction " + b + " has unit length");
      }
      assertTrue(sameAsBasis > 1e-3, "extra direction " + b + " is not a copy of " + (b - 64));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BinarizerMethod.class,
      names = {"MEDIAN", "ITQ"})
  void neighboursAreCloserInHammingThanRandomPairs(BinarizerMethod method) {
    float[][] rows = clustered(2_000, 64, 3);
    Binarizer binarizer = Binarizer.fit(rows, 32, method, 7);
    long[][] codes = new long[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = binarizer.encode(rows[i]);
    }
    Random random = new Random(8);
    double neighbourSum = 0;
    double randomSum = 0;
    int queries = 200;
    for (int q = 0; q < queries; q++) {
      int query = random.nextInt(rows.length);
      int nearest = nearest(rows, query);
      neighbourSum += BinaryCodes.hamming(codes[query], codes[nearest]);
      randomSum += BinaryCodes.hamming(codes[query], codes[random.nextInt(rows.length)]);
    }
    double neighbourMean = neighbourSum / queries;
    double randomMean = randomSum / queries;
    assertTrue(
        neighbourMean < 0.7 * randomMean,
        "neighbours " + neighbourMean + " vs random pairs " + randomMean);
  }

  @ParameterizedTest
  @EnumSource(
      value = BinarizerMethod.class,
      names = {"MEDIAN", "ITQ"})
  void jacksonRoundTripGivesIdenticalCodes(BinarizerMethod method) throws Exception {
    float[][] rows = clustered(1_000, 16, 4);
    Binarizer binarizer = Binarizer.fit(rows, 20, method, 9);
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(binarizer);
    assertTrue(json.contains("\"method\":\"" + method.name() + "\""), json);
    Binarizer restored = mapper.readValue(json, Binarizer.class);
    assertEquals(binarizer, restored);
    for (float[] row : rows) {
      assertArrayEquals(binarizer.encode(row), restored.encode(row));
    }
  }

  @Test
  void unitsMakeOneBalancedBitPerDimensionOnItsOwnAxis() {
    float[][] rows = clustered(3_000, 16, 4);
    Binarizer binarizer = Binarizer.fit(rows, 16, BinarizerMethod.UNITS, 5);
    assertBalanced(binarizer, rows);
    for (float[] row : Arrays.copyOf(rows, 50)) {
      long code = binarizer.encode(row)[0];
      for (int b = 0; b < 16; b++) {
        assertEquals(
            row[b] > binarizer.thresholds()[b],
            (code >>> b & 1L) == 1L,
            "bit " + b + " reads unit " + b);
      }
    }
    IllegalArgumentException e =
        Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Binarizer.fit(rows, 32, BinarizerMethod.UNITS, 5));
    assertTrue(e.getMessage().contains("bits must be 16"), e.getMessage());
  }

  @Test
  void fitIsDeterministicForASeed() {
    float[][] rows = clustered(1_000, 16, 5);
    assertEquals(
        Binarizer.fit(rows, 16, BinarizerMethod.ITQ, 1),
        Binarizer.fit(rows, 16, BinarizerMethod.ITQ, 1));
    assertEquals(
        Binarizer.fit(rows, 40, BinarizerMethod.MEDIAN, 1),
        Binarizer.fit(rows, 40, BinarizerMethod.MEDIAN, 1));
  }

  @Test
  void encodeFollowsTheDefinition() {
    Binarizer binarizer =
        new Binarizer(
            BinarizerMethod.MEDIAN,
            new float[] {1, 1},
            new float[][] {{1, 0}, {0, 1}, {1, 1}},
            new float[] {0, 0.5f, 10});
    // centred (2, 0): bit0 2 > 0, bit1 0 > 0.5 no, bit2 2 > 10 no
    assertArrayEquals(new long[] {0b001}, binarizer.encode(new float[] {3, 1}));
    // centred (-1, 1): bit0 no, bit1 1 > 0.5, bit2 0 > 10 no
    assertArrayEquals(new long[] {0b010}, binarizer.encode(new float[] {0, 2}));
    assertThrows(IllegalArgumentException.class, () -> binarizer.encode(new float[3]));
  }

  @Test
  void constructorAndFitRejectBadValues() {
    IllegalArgumentException thresholds =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Binarizer(BinarizerMethod.ITQ, new float[2], new float[2][2], new float[3]));
    assertTrue(thresholds.getMessage().contains("3"), thresholds.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Binarizer(
                BinarizerMethod.ITQ, new float[2], new float[][] {{1, 2, 3}}, new float[1]));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Binarizer(
                BinarizerMethod.ITQ, new float[] {Float.NaN}, new float[1][1], new float[1]));
    assertThrows(
        NullPointerException.class,
        () -> new Binarizer(null, new float[1], new float[1][1], new float[1]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Binarizer.fit(clustered(10, 4, 1), 0, BinarizerMethod.MEDIAN, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Binarizer.fit(new float[0][], 8, BinarizerMethod.MEDIAN, 1));
  }

  @Test
  void methodParsesIgnoringCase() {
    assertEquals(BinarizerMethod.ITQ, BinarizerMethod.parse("itq"));
    assertEquals(BinarizerMethod.MEDIAN, BinarizerMethod.parse(" Median "));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> BinarizerMethod.parse("lsh"));
    assertTrue(
        error.getMessage().contains("lsh") && error.getMessage().contains("median, itq"),
        error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinarizerMethod.parse(null));
  }

  private static int nearest(float[][] rows, int query) {
    int best = -1;
    double bestDistance = Double.MAX_VALUE;
    for (int i = 0; i < rows.length; i++) {
      if (i == query) {
        continue;
      }
      double distance = 0;
      for (int j = 0; j < rows[i].length; j++) {
        double d = rows[i][j] - rows[query][j];
        distance += d * d;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }
}
