package dev.lookalike.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.FloatImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticImagesTest {

  /** Three 28×28 base pictures: a bright square at a different place each. */
  private static LabeledImages base() {
    List<FloatImage> images = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      float[] p = new float[28 * 28];
      for (int y = 8; y < 20; y++) {
        for (int x = 4 + 6 * b; x < 12 + 6 * b; x++) {
          p[y * 28 + x] = 0.9f;
        }
      }
      images.add(new FloatImage(28, 28, 1, p));
    }
    return new LabeledImages("base", images, new int[] {0, 1, 2}, List.of("a", "b", "c"));
  }

  @Test
  void theSameIndexIsTheSamePictureAndLabelsCarryOver() {
    SyntheticImages one = new SyntheticImages("synthetic:fashion-mnist:1000", base(), 1000);
    SyntheticImages two = new SyntheticImages("synthetic:fashion-mnist:1000", base(), 1000);
    for (long i : new long[] {0, 1, 2, 3, 500, 999}) {
      assertArrayEquals(one.image(i).pixels(), two.image(i).pixels(), "image " + i);
      assertEquals(base().labelName((int) (i % 3)), one.labelName(i));
    }
    assertEquals("synthetic:fashion-mnist:1000#7", one.uri(7));
    assertThrows(IndexOutOfBoundsException.class, () -> one.image(1000));
  }

  @Test
  void imagesOfOneBaseAreDistinctButStayCloseToIt() {
    LabeledImages base = base();
    SyntheticImages synthetic = new SyntheticImages("s", base, 3000);
    Set<Integer> distinct = new HashSet<>();
    for (long i = 0; i < 3000; i += 3) { // all derived from base image 0
      float[] p = synthetic.image(i).pixels();
      distinct.add(Arrays.hashCode(p));
      double nearOwn = distance(p, base.images().get(0).pixels());
      double nearOther = distance(p, base.images().get(2).pixels());
      assertTrue(nearOwn < nearOther, "image " + i + " should look like its base");
    }
    assertEquals(1000, distinct.size(), "every derived image differs");
    float[] any = synthetic.image(new Random(1).nextInt(3000)).pixels();
    for (float v : any) {
      assertTrue(v >= 0 && v <= 1);
    }
    assertFalse(Arrays.equals(any, base.images().get(0).pixels()));
  }

  @Test
  void specsAreParsedOrRefused() {
    assertEquals(
        1_000_000L, new DataSource("synthetic:fashion-mnist:1000000").syntheticSize().get());
    assertTrue(new DataSource("fashion-mnist:test").syntheticSize().isEmpty());
    assertTrue(new DataSource("/photos").syntheticSize().isEmpty());
    for (String bad :
        new String[] {"synthetic:fashion-mnist:0", "synthetic:cifar:10", "synthetic:x"}) {
      assertThrows(IllegalArgumentException.class, () -> new DataSource(bad).syntheticSize(), bad);
    }
  }

  private static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return sum;
  }
}
