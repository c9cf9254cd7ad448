package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketTermsTest {

  @Test
  void aCodeHasOneTermPerSixteenBitChunk() {
    long[] code = {0x0001_00ff_abcd_1234L};
    assertEquals(List.of("0:1234", "1:abcd", "2:ff", "3:1"), BucketTerms.of(code, 64));
    assertEquals(8, BucketTerms.of(new long[2], 128).size());
  }

  @Test
  void ringsHoldEveryChunkValueAtExactlyThatDistance() {
    long[] code = {0L};
    assertEquals(4, BucketTerms.ring(code, 64, 0).size());
    assertEquals(4 * 16, BucketTerms.ring(code, 64, 1).size());
    List<String> two = BucketTerms.ring(code, 64, 2);
    assertEquals(4 * 120, two.size());
    assertEquals(two.size(), new HashSet<>(two).size(), "no duplicates");
    assertEquals(true, two.contains("2:3"));
  }

  @Test
  void ringsUpToRadiusGuaranteeEveryCodeWithinThePigeonholeBound() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 200; trial++) {
      long[] query = {random.nextLong(), random.nextLong()};
      int radius = random.nextInt(3);
      int distance = BucketTerms.guaranteed(128, radius);
      long[] near = query.clone();
      for (int flipped = 0; flipped < distance; ) {
        int bit = random.nextInt(128);
        if (((near[bit / 64] ^ query[bit / 64]) >>> (bit % 64) & 1) == 0) {
          near[bit / 64] ^= 1L << (bit % 64);
          flipped++;
        }
      }
      List<String> lookup = BucketTerms.rings(query, 128, radius);
      assertEquals(
          true,
          BucketTerms.of(near, 128).stream().anyMatch(lookup::contains),
          "a code " + distance + " bits away shares a looked-up chunk");
    }
  }
}
