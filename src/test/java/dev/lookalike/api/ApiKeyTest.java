package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With lookalike.api-key set, writes need the key and change nothing without it; search stays open.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKey.class)
class ApiKeyTest {

  static final String KEY = "s3cret-key";

  public static class WithKey extends ApiTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("lookalike.api-key", KEY);
      config.put("lookalike.sample.limit", "50");
      try {
        config.put(
            "lookalike.snapshot.dir", Files.createTempDirectory("lookalike-snapshots").toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return config;
    }
  }

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @BeforeEach
  void sampleIndexed() throws IOException {
    sample.ensureIndexed();
  }

  @Test
  void writesWithoutTheKeyAnswer401AndChangeNothing() throws IOException {
    long before = index.count();
    given()
        .multiPart("image", "a.png", SampleImages.png(900), "image/png")
        .when()
        .post("/api/images")
        .then()
        .statusCode(401)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("X-Api-Key"));
    given()
        .header("X-Api-Key", "wrong")
        .multiPart("image", "a.png", SampleImages.png(900), "image/png")
        .when()
        .post("/api/images")
        .then()
        .statusCode(401);
    String someId =
        given()
            .multiPart("image", "q.png", SampleImages.png(0), "image/png")
            .when()
            .post("/api/search?k=1")
            .then()
            .statusCode(200)
            .extract()
            .path("hits[0].id");
    given().when().delete("/api/images/" + someId).then().statusCode(401);
    assertEquals(before, index.count());
    given().when().get("/api/images/" + someId).then().statusCode(200);
  }

  /** Uploads {@code png} with the key; expects 201 and returns the new image's id. */
  static String upload(byte[] png) {
    return given()
        .header("X-Api-Key", KEY)
        .multiPart("image", "upload.png", png, "image/png")
        .when()
        .post("/api/images")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void writesWithTheKeyWork() throws IOException {
    long before = index.count();
    String id = upload(SampleImages.png(901));
    assertEquals(before + 1, index.count());
    given().header("X-Api-Key", KEY).when().delete("/api/images/" + id).then().statusCode(204);
    assertEquals(before, index.count());
  }

  @Test
  void searchNeedsNoKey() {
    given()
        .multiPart("image", "q.png", SampleImages.png(1), "image/png")
        .when()
        .post("/api/search?k=4")
        .then()
        .statusCode(200)
        .body("hits", hasSize(4))
        .body("hits[0].uri", equalTo("fashion-mnist:test#1"));
  }
}
