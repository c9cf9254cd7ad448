package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.apache.lucene.util.BytesRef;
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
    List<BytesRef> two = BucketTerms.ring(code, 64, 2);
    assertEquals(4 * 120, two.size());
    assertEquals(two.size(), new HashSet<>(two).size(), "no duplicates");
    assertEquals(true, two.contains(new BytesRef("2:3")));
  }
}
