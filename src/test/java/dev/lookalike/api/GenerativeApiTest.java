package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.codes.Coder;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.generative.GenerativeModel;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Augment, interpolate and sample with a tiny VAE committed under src/test/resources/vae-tiny. */
@QuarkusTest
@TestProfile(GenerativeApiTest.WithVae.class)
class GenerativeApiTest {

  public static class WithVae extends ApiTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("lookalike.vae.enabled", "true");
      config.put("lookalike.vae.dir", "src/test/resources/vae-tiny");
      config.put("lookalike.sample.limit", Integer.toString(SAMPLE_LIMIT));
      // The expansion tests compare the answers with exact rankings computed here; the copy check
      // may rightly move a near twin of a query first (CopySearchApiTest covers it).
      config.put("lookalike.search.copy-check.candidates", "0");
      return config;
    }
  }

  private static final int SAMPLE_LIMIT = 20;

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @Inject CodeModel model;

  @Inject ImagePipeline pipeline;

  @Inject GenerativeModel generative;

  @BeforeEach
  void sampleIndexed() throws IOException {
    sample.ensureIndexed();
  }

  private static List<String> augment(int n, long seed) {
    return given()
        .multiPart("image", "q.png", SampleImages.png(3), "image/png")
        .when()
        .post("/api/augment?n=" + n + "&seed=" + seed)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("images");
  }

  @Test
  void augmentReturnsNDeterministicPngVariants() throws IOException {
    List<String> first = augment(4, 7);
    assertEquals(4, first.size());
    assertEquals(first, augment(4, 7), "same seed, same variants");
    assertNotEquals(first, augment(4, 8), "another seed, other variants");
    String prefix = "data:image/png;base64,";
    assertTrue(first.get(0).startsWith(prefix), first.get(0));
    var png =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(first.get(0).substring(prefix.length()))));
    assertEquals(28, png.getWidth());
    assertEquals(28, png.getHeight());
  }

  /** Hits of an exact search, as (id, score) pairs in order. */
  private static List<Map<String, Object>> exactHits(byte[] query, String parameters) {
    return given()
        .multiPart("image", "q.png", query, "image/png")
        .when()
        .post("/api/search?mode=exact&" + parameters)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("hits");
  }

  /**
   * Expected exact hits for a query direction, computed here by brute force over the stored codes
   * of {@code ids}: cosine with the unit-length direction, best first.
   */
  private List<Map.Entry<String, Double>> expected(float[] direction, List<String> ids, int k)
      throws IOException {
    float[] unit = Coder.unit(direction);
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (String id : ids) {
      float[] stored = index.get(id).orElseThrow().codes().dense();
      double cosine = 0;
      for (int i = 0; i < unit.length; i++) {
        cosine += unit[i] * stored[i];
      }
      scored.add(Map.entry(id, cosine));
    }
    scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    return scored.subList(0, k);
  }

  private static void assertHits(
      List<Map.Entry<String, Double>> expected, List<Map<String, Object>> hits, String message) {
    assertEquals(
        expected.stream().map(Map.Entry::getKey).toList(),
        hits.stream().map(h -> h.get("id")).toList(),
        message);
    for (int i = 0; i < hits.size(); i++) {
      assertEquals(
          expected.get(i).getValue(), ((Number) hits.get(i).get("score")).doubleValue(), 1e-4);
    }
  }

  @Test
  void queryExpansionSearchesWithTheMeanOfTheQueryAndItsVariants() throws IOException {
    byte[] query = SampleImages.png(SAMPLE_LIMIT + 6); // not in the index
    List<String> all =
        exactHits(query, "k=" + SAMPLE_LIMIT).stream().map(h -> (String) h.get("id")).toList();
    assertEquals(SAMPLE_LIMIT, all.size());

    // positive control: without expansion the query direction is the query's own code
    FloatImage input = pipeline.toInput(query);
    float[] own = model.coder().dense(model.latents(List.of(input))[0], input);
    assertHits(expected(own, all, 5), exactHits(query, "k=5"), "plain exact search");

    // at temperature 0 every variant is the decode of the posterior mean, whatever the seed
    List<FloatImage> inputs = new ArrayList<>();
    inputs.add(pipeline.toInput(query));
    for (FloatImage variant : generative.variants(query, 4, 0f, 1)) {
      inputs.add(pipeline.toInput(variant));
    }
    float[] mean = new float[own.length];
    float[][] latents = model.latents(inputs);
    for (int v = 0; v < latents.length; v++) {
      float[] unit = model.coder().dense(latents[v], inputs.get(v));
      for (int i = 0; i < mean.length; i++) {
        mean[i] += unit[i] / inputs.size();
      }
    }
    List<Map<String, Object>> expanded = exactHits(query, "k=5&expand=4&temperature=0");
    assertHits(expected(mean, all, 5), expanded, "expand=4 searches with the mean direction");
    assertNotEquals(
        exactHits(query, "k=5").stream().map(h -> h.get("score")).toList(),
        expanded.stream().map(h -> h.get("score")).toList(),
        "expansion moves the query");

    given()
        .multiPart("image", "q.png", query, "image/png")
        .when()
        .post("/api/search?expand=65")
        .then()
        .statusCode(400)
        .body("detail", containsString("expand"));
  }

  @Test
  void badRequestsAreProblems() {
    given()
        .multiPart("image", "q.png", SampleImages.png(3), "image/png")
        .when()
        .post("/api/augment?n=65")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("65"));
    given()
        .multiPart("image", "q.png", "text".getBytes(), "image/png")
        .when()
        .post("/api/augment")
        .then()
        .statusCode(415);
    given().when().get("/api/sample?n=0").then().statusCode(400);
    given().when().get("/api/interpolate?a=nope&b=nope").then().statusCode(404);
    given()
        .when()
        .get("/api/interpolate?a=x")
        .then()
        .statusCode(400)
        .body("detail", containsString("'b'"));
  }

  @Test
  void sampleAndInterpolateByUploadAndById() {
    given().when().get("/api/sample?n=3&seed=1").then().statusCode(200).body("images", hasSize(3));
    given()
        .multiPart("a", "a.png", SampleImages.png(1), "image/png")
        .multiPart("b", "b.png", SampleImages.png(2), "image/png")
        .when()
        .post("/api/interpolate?steps=5")
        .then()
        .statusCode(200)
        .body("images", hasSize(5));
    List<String> ids =
        given()
            .multiPart("image", "q.png", SampleImages.png(5), "image/png")
            .when()
            .post("/api/search?k=2&mode=exact")
            .then()
            .extract()
            .jsonPath()
            .getList("hits.id");
    given()
        .when()
        .get("/api/interpolate?a=" + ids.get(0) + "&b=" + ids.get(1) + "&steps=4")
        .then()
        .statusCode(200)
        .body("images", hasSize(4));
  }
}
