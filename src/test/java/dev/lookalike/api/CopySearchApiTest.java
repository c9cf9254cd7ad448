package dev.lookalike.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.LiveDeployment;
import dev.lookalike.app.SampleStartup;
import dev.lookalike.codes.Codes;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.image.ImageEdits;
import dev.lookalike.index.Hit;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Searching with an edited copy of an indexed image: the server answers the mode's own ranking with
 * the copy's original moved to the top whenever it is among the checked candidates (the mode's
 * first hits and the dense code's nearest).
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
class CopySearchApiTest {

  private static final int COPIES = 100;

  @Inject SampleStartup sample;

  @Inject LiveDeployment live;

  @BeforeEach
  void sampleIndexed() throws IOException {
    sample.ensureIndexed();
  }

  @Test
  void anEditedCopysOriginalComesFirstMoreOftenAndTheOtherHitsKeepTheModesOrder()
      throws IOException {
    ImageEdits edits = new ImageEdits(17);
    int firstByCodes = 0;
    int firstAnswered = 0;
    for (int i = 0; i < COPIES; i++) {
      byte[] copy = edits.copyOf(SampleImages.image(i));
      String original = "fashion-mnist:test#" + i;
      List<String> plain = ranking(copy, SearchMode.DIFFUSION);
      List<String> answered =
          ApiTest.search(copy, "").then().statusCode(200).extract().jsonPath().getList("hits.uri");
      // At most one candidate (the mode's first hits or the dense code's) moved to the top; the
      // others keep the mode's order.
      String first = answered.get(0);
      assertTrue(
          plain.contains(first) || ranking(copy, SearchMode.DENSE).contains(first),
          "the first hit was not a candidate: " + i);
      List<String> expected = new ArrayList<>(plain);
      expected.remove(first);
      expected.add(0, first);
      assertEquals(expected.subList(0, 10), answered, "copy of sample image " + i);
      firstByCodes += plain.get(0).equals(original) ? 1 : 0;
      firstAnswered += answered.get(0).equals(original) ? 1 : 0;
    }
    assertTrue(
        firstAnswered > firstByCodes && firstAnswered >= COPIES * 9 / 10,
        "original first for "
            + firstAnswered
            + " of "
            + COPIES
            + " copies (by the codes alone: "
            + firstByCodes
            + ")");
  }

  /** The first candidates of {@code mode}, as the index ranks the copy's codes. */
  private List<String> ranking(byte[] copy, SearchMode mode) throws IOException {
    return live.read(
        deployment -> {
          Codes codes = deployment.model().codes(deployment.pipeline().toInput(copy));
          SearchParams params = new SearchParams(CopyCheck.DEFAULT_CANDIDATES, 0, mode, null);
          return deployment.index().search(codes, params).stream().map(Hit::uri).toList();
        });
  }
}
