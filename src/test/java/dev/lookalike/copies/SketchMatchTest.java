package dev.lookalike.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.CopySketch;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageEdits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.index.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An edited copy lies over its original's sketch better than over other pictures'. */
class SketchMatchTest {

  private static final int IMAGES = 30;

  private final List<FloatImage> images = NearTwins.of(IMAGES, 1, 17);
  private final ImagePipeline pipeline = ImagePipeline.withDefaults(ImageSpec.grey(NearTwins.SIZE));

  private FloatImage copyOf(int i) {
    return pipeline.toInput(new ImageEdits(100 + i).copyOf(images.get(i)));
  }

  @Test
  void aPictureMatchesItsOwnSketchAlmostPerfectly() {
    FloatImage image = images.get(0);
    float score = new SketchMatch(image).score(CopySketch.of(image));
    assertTrue(score > 0.99f, "self-match " + score);
  }

  @Test
  void anEditedCopyScoresItsOriginalFirst() {
    List<byte[]> sketches = images.stream().map(CopySketch::of).toList();
    int first = 0;
    for (int i = 0; i < IMAGES; i++) {
      SketchMatch match = new SketchMatch(copyOf(i));
      float own = match.score(sketches.get(i));
      int above = 0;
      for (int j = 0; j < IMAGES; j++) {
        if (j != i && match.score(sketches.get(j)) >= own) {
          above++;
        }
      }
      first += above == 0 ? 1 : 0;
    }
    // cropped, turned, relit, resampled and recompressed: nearly all, not necessarily all
    assertTrue(first >= IMAGES - 2, first + " of " + IMAGES + " originals first");
  }

  @Test
  void bestKeepsTheBestScoredInOrderAndSkipsHitsWithoutASketch() {
    SketchMatch match = new SketchMatch(copyOf(4));
    List<Hit> hits = new ArrayList<>();
    Map<String, byte[]> sketches = new HashMap<>();
    for (int i = 0; i < IMAGES; i++) {
      hits.add(new Hit("img" + i, "test:" + i, null, 0, 0, 0));
      if (i != 7) {
        sketches.put("img" + i, CopySketch.of(images.get(i)));
      }
    }
    sketches.put("img9", new byte[3]); // not a sketch: skipped, never thrown on
    List<Hit> best = match.best(hits, sketches, 5);
    assertEquals(5, best.size());
    assertEquals("img4", best.get(0).id());
    float last = Float.POSITIVE_INFINITY;
    for (Hit hit : best) {
      assertTrue(!hit.id().equals("img7") && !hit.id().equals("img9"));
      float score = match.score(sketches.get(hit.id()));
      assertTrue(score <= last, "best first");
      last = score;
    }
    for (Hit hit : hits) {
      byte[] sketch = sketches.get(hit.id());
      if (!best.contains(hit)
          && sketch != null
          && sketch.length == CopySketch.SIDE * CopySketch.SIDE) {
        assertTrue(match.score(sketch) <= last, hit.id() + " left out");
      }
    }
  }
}
