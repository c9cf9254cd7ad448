package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.image.TestImages;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint, with the shipped model and the first 300 sample images, including the errors. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
class ApiTest {

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @BeforeEach
  void sampleIndexed() throws IOException {
    sample.ensureIndexed();
  }

  static Response search(byte[] image, String query) {
    return given()
        .multiPart("image", "query.png", image, "image/png")
        .when()
        .post("/api/search" + query);
  }

  @Test
  void searchByUploadReturnsTenHitsWithTheImageItselfFirst() {
    search(SampleImages.png(7), "")
        .then()
        .statusCode(200)
        .body("mode", equalTo("diffusion"))
        .body("hits", hasSize(10))
        .body("hits[0].uri", equalTo("fashion-mnist:test#7"))
        .body("hits[0].label", equalTo(SampleImages.label(7)))
        .body("hits[0].hamming", equalTo(0))
        .body("hits[0].distance", Matchers.lessThan(1e-4f))
        .body("hits.id", everyItem(notNullValue()))
        .body("tookMs", greaterThan(0f));
  }

  @Test
  void everyModeAnswersAndKAndOffsetAreHonoured() {
    for (String mode : List.of("dense", "hash", "hybrid", "diffusion", "exact")) {
      search(SampleImages.png(3), "?k=5&mode=" + mode)
          .then()
          .statusCode(200)
          .body("hits", hasSize(5))
          .body("mode", equalTo(mode));
    }
    List<String> top = search(SampleImages.png(3), "?k=6&mode=exact").jsonPath().getList("hits.id");
    List<String> page =
        search(SampleImages.png(3), "?k=3&offset=3&mode=exact").jsonPath().getList("hits.id");
    assertEquals(top.subList(3, 6), page);
    List<String> labels =
        search(SampleImages.png(3), "?k=8&label=Trouser").jsonPath().getList("hits.label");
    assertEquals(8, labels.size());
    assertTrue(labels.stream().allMatch("Trouser"::equals), labels.toString());
  }

  @Test
  void badParametersAreProblems() {
    search(SampleImages.png(1), "?k=0")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("status", equalTo(400))
        .body("detail", containsString("k must be"));
    search(SampleImages.png(1), "?k=5000").then().statusCode(400);
    search(SampleImages.png(1), "?mode=fuzzy")
        .then()
        .statusCode(400)
        .body("detail", containsString("hybrid"));
    given()
        .multiPart("other", "x.txt", new byte[] {1})
        .when()
        .post("/api/search")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("'image'"));
  }

  @Test
  void badImagesAreProblemsWithTheRightStatus() {
    byte[] png = SampleImages.png(2);
    search(Arrays.copyOf(png, png.length / 2), "")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("/problems/undecodable-image"));
    search("hello, I am text".getBytes(), "")
        .then()
        .statusCode(415)
        .body("type", equalTo("/problems/unsupported-image-type"));
    search(new byte[0], "").then().statusCode(400).body("type", equalTo("/problems/empty-image"));
    search(TestImages.pngHeaderOnly(20_000, 20_000), "")
        .then()
        .statusCode(413)
        .body("detail", containsString("megapixels"));
    search(new byte[(int) ApiTestProfile.MAX_BYTES + 1], "")
        .then()
        .statusCode(413)
        .body("type", equalTo("/problems/image-too-large"));
  }

  @Test
  void addGetThumbnailSimilarAndDeleteAnImage() throws IOException {
    long before = index.count();
    String id =
        given()
            .multiPart("image", "mine.png", SampleImages.png(500), "image/png")
            .multiPart("label", "mine")
            .multiPart("uri", "test://mine.png")
            .when()
            .post("/api/images")
            .then()
            .statusCode(201)
            .body("id", notNullValue())
            .extract()
            .path("id");
    assertEquals(before + 1, index.count());

    given()
        .when()
        .get("/api/images/" + id)
        .then()
        .statusCode(200)
        .body("label", equalTo("mine"))
        .body("uri", equalTo("test://mine.png"));
    byte[] thumbnail =
        given()
            .when()
            .get("/api/images/" + id + "/thumbnail")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .header("Cache-Control", containsString("max-age"))
            .extract()
            .asByteArray();
    assertEquals((byte) 0x89, thumbnail[0]);
    given()
        .when()
        .get("/api/images/" + id + "/similar?k=3&mode=exact")
        .then()
        .statusCode(200)
        .body("hits", hasSize(3))
        .body("hits[0].id", equalTo(id));
    // searching by the indexed image answers exactly what searching by its upload does
    List<String> byId =
        given()
            .when()
            .get("/api/images/" + id + "/similar?k=12&offset=4&mode=exact&label=Bag")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("hits.id");
    List<String> byUpload =
        search(SampleImages.png(500), "?k=12&offset=4&mode=exact&label=Bag")
            .jsonPath()
            .getList("hits.id");
    assertEquals(12, byId.size());
    assertEquals(byUpload, byId);
    search(SampleImages.png(500), "?k=1&mode=exact").then().body("hits[0].id", equalTo(id));

    // the same uri again replaces instead of duplicating
    given()
        .multiPart("image", "mine.png", SampleImages.png(500), "image/png")
        .multiPart("uri", "test://mine.png")
        .when()
        .post("/api/images")
        .then()
        .statusCode(201)
        .body("id", equalTo(id));
    assertEquals(before + 1, index.count());

    given().when().delete("/api/images/" + id).then().statusCode(204);
    given()
        .when()
        .delete("/api/images/" + id)
        .then()
        .statusCode(404)
        .contentType(Problem.MEDIA_TYPE);
    given().when().get("/api/images/" + id + "/thumbnail").then().statusCode(404);
    given().when().get("/api/images/" + id + "/similar").then().statusCode(404);
    assertEquals(before, index.count());
  }

  @Test
  void aBadUploadChangesNothing() throws IOException {
    long before = index.count();
    given()
        .multiPart("image", "broken.png", "not an image at all".getBytes(), "image/png")
        .when()
        .post("/api/images")
        .then()
        .statusCode(415)
        .contentType(Problem.MEDIA_TYPE);
    given().multiPart("label", "no image").when().post("/api/images").then().statusCode(400);
    assertEquals(before, index.count());
  }

  @Test
  void withoutAGenerativeModelAugmentationIsUnavailable() {
    given()
        .when()
        .get("/api/sample?n=2")
        .then()
        .statusCode(503)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("/problems/no-generative-model"));
  }

  @Test
  void withoutAnApiKeyAdminActionsAreOff() {
    given()
        .header("X-Api-Key", "anything")
        .when()
        .post("/api/admin/snapshots")
        .then()
        .statusCode(403)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("/problems/admin-off"));
  }

  @Test
  void unknownIdsAreNotFound() {
    given()
        .when()
        .get("/api/images/nope")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/unknown-image"));
  }

  @Test
  void everyResponseCarriesSecurityHeadersAndNoCorsGrant() {
    for (var response :
        List.of(
            search("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8), ""),
            search(SampleImages.png(3), "?k=2"),
            given().when().get("/api/images/no-such-id"))) {
      assertEquals("nosniff", response.header("X-Content-Type-Options"));
      assertEquals("no-referrer", response.header("Referrer-Policy"));
      assertEquals("DENY", response.header("X-Frame-Options"));
      assertTrue(
          response.header("Content-Security-Policy").contains("default-src 'self'"),
          "CSP on " + response.statusCode());
      String body = response.asString();
      assertTrue(
          !body.contains("Exception") && !body.contains("dev.lookalike") && !body.contains("\tat "),
          "an error names no class and shows no stack: " + body);
    }
    var health = given().when().get("/q/health/live");
    assertEquals("nosniff", health.header("X-Content-Type-Options"));
    assertEquals(null, health.header("Content-Security-Policy"), "Swagger UI's /q/ is left out");
    var preflight =
        given()
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "POST")
            .when()
            .options("/api/search");
    assertEquals(null, preflight.header("Access-Control-Allow-Origin"), "CORS is off");
    var crossOrigin =
        given()
            .header("Origin", "https://elsewhere.example")
            .multiPart("image", "q.png", SampleImages.png(3), "image/png")
            .when()
            .post("/api/search");
    assertEquals(null, crossOrigin.header("Access-Control-Allow-Origin"), "CORS is off");
  }
}
