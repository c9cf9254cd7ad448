package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collection's read-only endpoints: stats, health, labels, map, OpenAPI, metrics, analytics.
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
class CollectionApiTest {

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @BeforeEach
  void sampleIndexed() throws IOException {
    sample.ensureIndexed();
  }

  @Test
  void statsAndHealthDescribeTheServer() {
    given()
        .when()
        .get("/api/stats")
        .then()
        .statusCode(200)
        .body("count", greaterThan(299))
        .body("bits", equalTo(64))
        .body("latent", equalTo(64))
        .body("inputSize", equalTo(28))
        .body("model", notNullValue())
        .body("indexSizeBytes", greaterThan(0));
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().when().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void labelsMapOpenApiAndMetricsAreServed() {
    given()
        .when()
        .get("/api/labels")
        .then()
        .statusCode(200)
        .body("", Matchers.hasItems("Ankle boot", "Trouser", "Bag"));
    given()
        .when()
        .get("/api/map?n=120")
        .then()
        .statusCode(200)
        .body("points", hasSize(120))
        .body(
            "points.x",
            everyItem(
                Matchers.both(Matchers.greaterThanOrEqualTo(0f))
                    .and(Matchers.lessThanOrEqualTo(1f))))
        .body("points[0].label", notNullValue())
        .body("varianceShown", greaterThan(0f));
    given().when().get("/api/map?n=0").then().statusCode(400);
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths.'/api/search'.post", notNullValue())
        .body("paths.'/api/images/{id}/similar'.get", notNullValue());
    ApiTest.search(SampleImages.png(4), "?k=2&mode=dense").then().statusCode(200);
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics.contains("lookalike_search_seconds_count{mode=\"dense\""), "search timer exported");
    assertTrue(metrics.contains("lookalike_index_images"), "index gauge exported");
    assertTrue(metrics.contains("lookalike_decode_pixels"), "decode budget gauge exported");
  }

  @Test
  void outliersAndDuplicatesAreListed() {
    List<Float> errors =
        given()
            .when()
            .get("/api/outliers?k=5")
            .then()
            .statusCode(200)
            .body("images", hasSize(5))
            .extract()
            .jsonPath()
            .getList("images.reconstructionError", Float.class);
    for (int i = 1; i < errors.size(); i++) {
      assertTrue(errors.get(i - 1) >= errors.get(i), "worst first: " + errors);
    }
    // the same picture under two names is a group of identical codes
    given()
        .multiPart("image", "x.png", SampleImages.png(601), "image/png")
        .multiPart("uri", "test://copy-1")
        .when()
        .post("/api/images")
        .then()
        .statusCode(201);
    given()
        .multiPart("image", "x.png", SampleImages.png(601), "image/png")
        .multiPart("uri", "test://copy-2")
        .when()
        .post("/api/images")
        .then()
        .statusCode(201);
    List<List<String>> groups =
        given()
            .when()
            .get("/api/duplicates?maxHamming=0&maxGroups=1000")
            .then()
            .statusCode(200)
            .body("maxHamming", equalTo(0))
            .extract()
            .jsonPath()
            .getList("groups.uri");
    assertTrue(
        groups.stream().anyMatch(g -> g.containsAll(List.of("test://copy-1", "test://copy-2"))),
        groups.toString());
    given()
        .when()
        .get("/api/duplicates?maxHamming=99")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
  }
}
