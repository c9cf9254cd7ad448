package dev.lookalike.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryCodesTest {

  @Test
  void wordsRoundsUp() {
    assertEquals(0, BinaryCodes.words(0));
    assertEquals(1, BinaryCodes.words(1));
    assertEquals(1, BinaryCodes.words(64));
    assertEquals(2, BinaryCodes.words(65));
    assertEquals(2, BinaryCodes.words(128));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.words(-1));
  }

  @Test
  void packPutsBitIInWordIDiv64() {
    boolean[] bits = new boolean[70];
    bits[0] = true;
    bits[3] = true;
    bits[63] = true;
    bits[64] = true;
    bits[69] = true;
    long[] code = BinaryCodes.pack(bits);
    assertArrayEquals(new long[] {0x8000_0000_0000_0009L, 0b10_0001L}, code);
  }

  @Test
  void hammingCountsDifferingBitsAcrossWords() {
    long[] a = {0b1011L, 0b1011L};
    long[] b = {0b0001L, 0b0001L};
    assertEquals(4, BinaryCodes.hamming(a, b));
    assertEquals(2, BinaryCodes.hamming(new long[] {0b1011L}, new long[] {0b0001L}));
    assertEquals(0, BinaryCodes.hamming(a, a.clone()));
    assertEquals(128, BinaryCodes.hamming(new long[] {0L, -1L}, new long[] {-1L, 0L}));
    assertThrows(
        IllegalArgumentException.class, () -> BinaryCodes.hamming(new long[1], new long[2]));
  }

  @Test
  void hammingMatchesBooleanCount() {
    Random random = new Random(7);
    boolean[] x = new boolean[100];
    boolean[] y = new boolean[100];
    int expected = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextBoolean();
      y[i] = random.nextBoolean();
      expected += x[i] != y[i] ? 1 : 0;
    }
    assertEquals(expected, BinaryCodes.hamming(BinaryCodes.pack(x), BinaryCodes.pack(y)));
  }

  @Test
  void chunkReadsUnsignedRunsFromLowBits() {
    long[] code = {0xF0E1_D2C3_B4A5_9687L, 0x0000_0000_0000_00ABL};
    assertEquals(0x87, BinaryCodes.chunk(code, 0, 8));
    assertEquals(0x96, BinaryCodes.chunk(code, 1, 8));
    assertEquals(0xF0, BinaryCodes.chunk(code, 7, 8));
    assertEquals(0xAB, BinaryCodes.chunk(code, 8, 8));
    assertEquals(0, BinaryCodes.chunk(code, 9, 8));
    assertEquals(0x9687, BinaryCodes.chunk(code, 0, 16));
    assertEquals(0xF0E1, BinaryCodes.chunk(code, 3, 16));
    assertEquals(0xF, BinaryCodes.chunk(code, 15, 4));
    assertEquals(1, BinaryCodes.chunk(code, 63, 1));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.chunk(code, 0, 12));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.chunk(code, 0, 32));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.chunk(code, 16, 8));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.chunk(code, -1, 8));
  }

  @Test
  void hexIsFixedWidthPerWordAndRoundTrips() {
    long[] code = {0x9L, 0xF0E1_D2C3_B4A5_9687L, -1L};
    String hex = BinaryCodes.toHex(code);
    assertEquals("0000000000000009" + "f0e1d2c3b4a59687" + "ffffffffffffffff", hex);
    assertArrayEquals(code, BinaryCodes.fromHex(hex));
    assertArrayEquals(code, BinaryCodes.fromHex(hex.toUpperCase()));
    assertEquals("", BinaryCodes.toHex(new long[0]));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.fromHex("abc"));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.fromHex("000000000000000g"));
  }
}
