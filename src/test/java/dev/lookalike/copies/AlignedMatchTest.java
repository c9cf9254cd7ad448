package dev.lookalike.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageEdits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignedMatchTest {

  private static final ImagePipeline PIPELINE =
      ImagePipeline.withDefaults(ImageSpec.grey(NearTwins.SIZE));

  @Test
  void anImageMatchesItselfPerfectly() {
    FloatImage image = NearTwins.of(1, 1, 3).get(0);
    AlignedMatch match = new AlignedMatch(image);
    assertEquals(1f, match.score(image).score(), 1e-4f);
    assertEquals(1f, match.refined(match.score(image)), 1e-4f);
  }

  @Test
  void anEditedCopyMatchesItsOriginalBetterThanTheOriginalsTwins() {
    List<FloatImage> originals = NearTwins.of(8, 4, 11);
    ImageEdits edits = new ImageEdits(5);
    int found = 0;
    float worstOriginal = 1;
    for (int i = 0; i < originals.size(); i++) {
      AlignedMatch match = new AlignedMatch(PIPELINE.toInput(edits.copyOf(originals.get(i))));
      float[] scores = new float[originals.size()];
      for (int j = 0; j < originals.size(); j++) {
        scores[j] = match.refined(match.score(originals.get(j)));
      }
      worstOriginal = Math.min(worstOriginal, scores[i]);
      int best = 0;
      for (int j = 1; j < scores.length; j++) {
        best = scores[j] > scores[best] ? j : best;
      }
      found += best == i ? 1 : 0;
    }
    // Four twins per family: picking within the family by chance would find a quarter.
    assertTrue(found >= 30, "the original scored best for only " + found + " of 32 copies");
    assertTrue(worstOriginal > 0.5f, "an original scored only " + worstOriginal);
  }

  @Test
  void aCropBetweenTheCoarseWindowsIsMatchedCloselyWhenRefined() {
    FloatImage original = NearTwins.of(1, 1, 17).get(0);
    // 87.5 % of the width from 7.5 %, 92.5 % of the height from 2.5 %: no coarse window (every
    // 5 %) fits it, a fine one (every 2.5 %) does.
    FloatImage crop = crop(original, 0.075, 0.875, 0.025, 0.925);
    AlignedMatch match = new AlignedMatch(crop);
    AlignedMatch.Candidate coarse = match.score(original);
    float refined = match.refined(coarse);
    assertTrue(refined > 0.98f, "refined only to " + refined);
    assertTrue(refined > coarse.score() + 0.01f, coarse.score() + " refined to " + refined);
  }

  /** The window of {@code image} at the given start and side fractions, stretched to full size. */
  private static FloatImage crop(
      FloatImage image, double x0, double width, double y0, double height) {
    int w = image.width();
    int h = image.height();
    float[] pixels = new float[w * h];
    for (int y = 0; y < h; y++) {
      double sy = Math.clamp((y0 + (y + 0.5) / h * height) * h - 0.5, 0, h - 1);
      for (int x = 0; x < w; x++) {
        double sx = Math.clamp((x0 + (x + 0.5) / w * width) * w - 0.5, 0, w - 1);
        int ix = Math.min(w - 2, (int) sx);
        int iy = Math.min(h - 2, (int) sy);
        double fx = sx - ix;
        double fy = sy - iy;
        double top = image.pixel(0, iy, ix) * (1 - fx) + image.pixel(0, iy, ix + 1) * fx;
        double bottom = image.pixel(0, iy + 1, ix) * (1 - fx) + image.pixel(0, iy + 1, ix + 1) * fx;
        pixels[y * w + x] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return new FloatImage(w, h, 1, pixels);
  }

  @Test
  void aFlatCandidateScoresZero() {
    FloatImage flat = new FloatImage(28, 28, 1, filled(28 * 28, 0.5f));
    assertEquals(0f, new AlignedMatch(NearTwins.of(1, 1, 3).get(0)).score(flat).score());
  }

  @Test
  void colourImagesAreComparedInGrey() {
    FloatImage grey = NearTwins.of(1, 1, 4).get(0);
    float[] rgb = new float[grey.pixels().length * 3];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(grey.pixels(), 0, rgb, c * grey.pixels().length, grey.pixels().length);
    }
    FloatImage colour = new FloatImage(28, 28, 3, rgb);
    assertEquals(1f, new AlignedMatch(colour).score(grey).score(), 1e-4f);
  }

  @Test
  void aCandidateOfAnotherSizeIsRefused() {
    AlignedMatch match = new AlignedMatch(NearTwins.of(1, 1, 3).get(0));
    FloatImage other = new FloatImage(32, 32, 1, filled(32 * 32, 0.5f));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> match.score(other));
    assertTrue(e.getMessage().contains("28x28"), e.getMessage());
  }

  private static float[] filled(int n, float value) {
    float[] values = new float[n];
    Arrays.fill(values, value);
    return values;
  }
}
