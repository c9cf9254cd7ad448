package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.collection.SampleCollection;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
      config.put("lookalike.sample.limit", "20");
      return config;
    }
  }

  @Inject SampleCollection sample;

  @BeforeEach
  void sampleIndexed() {
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

  @Test
  void searchWithQueryExpansionAnswersAndValidates() {
    given()
        .multiPart("image", "q.png", SampleImages.png(6), "image/png")
        .when()
        .post("/api/search?k=5&expand=4")
        .then()
        .statusCode(200)
        .body("hits", hasSize(5));
    given()
        .multiPart("image", "q.png", SampleImages.png(6), "image/png")
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
