package dev.lookalike.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageEdits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.index.Hit;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An original the dense code ranks beyond the check's candidates, on a real index with thumbnails
 * and codes that know nothing of the pixels: only the stored sketches bring it into the check.
 */
class SketchedCandidatesTest {

  private static final int IMAGES = 48;
  private static final int CANDIDATES = 8;

  @TempDir static Path dir;

  private static TwinsIndex twins;

  @BeforeAll
  static void index() throws IOException {
    twins = TwinsIndex.open(dir, IMAGES, 33, 3, true);
  }

  @AfterAll
  static void close() throws IOException {
    twins.close();
  }

  private static List<String> search(CopyCheck check, FloatImage copy, SearchMode mode)
      throws IOException {
    SearchParams params = new SearchParams(10, 0, mode, null);
    return new CopyFirst(check)
        .search(twins.index(), twins.query(), copy, params, twins::pixels).stream()
            .map(Hit::id)
            .toList();
  }

  @Test
  void anOriginalBeyondTheCandidatesIsFoundThroughItsSketch() throws IOException {
    for (SearchMode mode : List.of(SearchMode.EXACT, SearchMode.HASH)) {
      List<Hit> nearest =
          twins.index().search(twins.query(), new SearchParams(IMAGES, 0, SearchMode.EXACT, null));
      String original = nearest.get(40).id();
      FloatImage copy =
          ImagePipeline.withDefaults(ImageSpec.grey(NearTwins.SIZE))
              .toInput(new ImageEdits(11).copyOf(twins.image(original)));
      List<String> without = search(new CopyCheck(CANDIDATES, 0.7f, 0, 0), copy, mode);
      assertNotEquals(original, without.get(0), mode + ": out of reach without the sketches");
      List<String> with = search(new CopyCheck(CANDIDATES, 0.7f, 0, IMAGES), copy, mode);
      assertEquals(original, with.get(0), mode + ": found through its sketch");
      assertEquals(
          without.subList(0, 9), with.subList(1, 10), mode + ": the rest keep their order");
    }
  }
}
