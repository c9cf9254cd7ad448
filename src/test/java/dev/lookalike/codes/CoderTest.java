package dev.lookalike.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoderTest {

  private static final int DIM = 12;
  private static final int NUISANCE = 4;
  private static final int CLUSTERS = 6;

  /**
   * Latents where a few axes of large variance carry nothing but noise and the clusters differ by
   * small offsets along the other axes: the shape that makes a raw latent's cosine miss lookalikes.
   */
  private static float[][] latents(int count, long seed, int[] cluster) {
    Random random = new Random(seed);
    Random centres = new Random(99);
    float[][] centre = new float[CLUSTERS][DIM];
    for (float[] c : centre) {
      for (int j = NUISANCE; j < DIM; j++) {
        c[j] = (float) centres.nextGaussian();
      }
    }
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      cluster[i] = i % CLUSTERS;
      rows[i] = new float[DIM];
      for (int j = 0; j < NUISANCE; j++) {
        rows[i][j] = (float) (5 * random.nextGaussian());
      }
      for (int j = NUISANCE; j < DIM; j++) {
        rows[i][j] = centre[cluster[i]][j] + (float) (0.3 * random.nextGaussian());
      }
    }
    return rows;
  }

  /** Share of rows whose nearest other row by the coder's dense code is in the same cluster. */
  private static double nearestInCluster(Coder coder, float[][] latents, int[] cluster) {
    float[][] dense = coder.dense(latents);
    int hits = 0;
    for (int i = 0; i < dense.length; i++) {
      int best = -1;
      float bestScore = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < dense.length; j++) {
        float score = Vectors.dot(dense[i], dense[j]);
        if (j != i && score > bestScore) {
          bestScore = score;
          best = j;
        }
      }
      hits += cluster[best] == cluster[i] ? 1 : 0;
    }
    return hits / (double) dense.length;
  }

  @Test
  void whiteningFindsTheLookalikesANoisyAxisHidesFromTheUnitLatent() {
    int[] cluster = new int[600];
    float[][] latents = latents(600, 1, cluster);
    Coder unit = Coder.fit(latents, null, DenseCode.UNIT, 16, BinarizerMethod.ITQ, 7);
    Coder whitened = Coder.fit(latents, null, DenseCode.WHITENED, 16, BinarizerMethod.ITQ, 7);
    double plain = nearestInCluster(unit, latents, cluster);
    double better = nearestInCluster(whitened, latents, cluster);
    assertTrue(better > plain + 0.2, "whitened " + better + ", unit " + plain);
  }

  @Test
  void theUnitCodeIsTheLatentScaledAndTheWhitenedOneIsUnitToo() {
    int[] cluster = new int[200];
    float[][] latents = latents(200, 2, cluster);
    Coder unit = Coder.fit(latents, null, DenseCode.UNIT, 16, BinarizerMethod.MEDIAN, 7);
    Coder whitened = Coder.fit(latents, null, DenseCode.WHITENED, 16, BinarizerMethod.MEDIAN, 7);
    assertEquals(Optional.empty(), unit.projection());
    assertTrue(whitened.projection().isPresent());
    assertArrayEquals(Vectors.unit(latents[0]), unit.code(latents[0]).dense());
    float[] dense = whitened.code(latents[0]).dense();
    assertEquals(1.0, Vectors.dot(dense, dense), 1e-5);
    assertArrayEquals(whitened.dense(latents[0]), dense);
    // the bits are fitted on the whitened codes: balanced over the training latents
    int ones = 0;
    for (float[] latent : latents) {
      ones += Long.bitCount(whitened.code(latent).bits()[0]);
    }
    assertEquals(0.5, ones / (16.0 * latents.length), 0.05);
  }

  @Test
  void theBlendedCodeKeepsTheLatentsDimensionAndNeedsTheImage() {
    int[] cluster = new int[120];
    float[][] latents = latents(120, 4, cluster);
    Random random = new Random(8);
    List<FloatImage> images = new ArrayList<>();
    for (int i = 0; i < latents.length; i++) {
      float[] pixels = new float[6 * 6];
      for (int p = 0; p < pixels.length; p++) {
        pixels[p] = random.nextFloat();
      }
      images.add(new FloatImage(6, 6, 1, pixels));
    }
    Coder blended = Coder.fit(latents, images, DenseCode.BLENDED, 16, BinarizerMethod.ITQ, 7);
    assertTrue(blended.projection().isPresent() && blended.blend().isPresent());
    assertEquals(DenseCode.BLENDED, DenseCode.of(blended));
    float[] dense = blended.code(latents[0], images.get(0)).dense();
    assertEquals(DIM, dense.length);
    assertEquals(1.0, Vectors.dot(dense, dense), 1e-5);
    float[] learned =
        Coder.fit(latents, null, DenseCode.WHITENED, 16, BinarizerMethod.ITQ, 7).dense(latents[0]);
    assertTrue(Vectors.dot(dense, learned) < 0.999f, "the pixels moved it");
    IllegalArgumentException noImage =
        assertThrows(IllegalArgumentException.class, () -> blended.code(latents[0]));
    assertTrue(noImage.getMessage().contains("needs the image"), noImage.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Coder.fit(latents, null, DenseCode.BLENDED, 16, BinarizerMethod.ITQ, 7));
  }

  @Test
  void refusesPartsThatDoNotFit() {
    int[] cluster = new int[100];
    float[][] latents = latents(100, 3, cluster);
    Binarizer bits = Binarizer.fit(latents, 16, BinarizerMethod.MEDIAN, 1);
    DenseProjection narrower =
        new DenseProjection(0.5, new float[DIM], new float[][] {new float[DIM]});
    assertThrows(IllegalArgumentException.class, () -> new Coder(bits, Optional.of(narrower)));
    Coder coder = new Coder(bits);
    assertThrows(IllegalArgumentException.class, () -> coder.code(new float[DIM - 1]));
  }
}
