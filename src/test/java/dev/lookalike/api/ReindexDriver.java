package dev.lookalike.api;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives {@code /api/admin/reindex} of the server under test, and a client that keeps searching
 * meanwhile and records every answer's status: the two reindex tests' shared steps.
 */
final class ReindexDriver implements AutoCloseable {

  private final List<Integer> answers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread searches;

  private ReindexDriver() {
    searches =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    answers.add(
                        given()
                            .multiPart(
                                "image", "q.png", SampleImages.png(900 + i % 20), "image/png")
                            .when()
                            .post("/api/search?k=5")
                            .then()
                            .extract()
                            .statusCode());
                  }
                });
  }

  /** Starts searching in the background. */
  static ReindexDriver searching() {
    return new ReindexDriver();
  }

  /** {@code POST /api/admin/reindex} to {@code model}, with the API key. */
  static Response reindex(String model) {
    return given()
        .header("X-Api-Key", ApiKeyTest.KEY)
        .contentType("application/json")
        .body(Map.of("model", model))
        .when()
        .post("/api/admin/reindex");
  }

  /** The running or last reindex. */
  static JsonPath status() {
    return given()
        .header("X-Api-Key", ApiKeyTest.KEY)
        .when()
        .get("/api/admin/reindex")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits (at most 3 minutes) for the reindex to end, then searches half a second more. */
  static JsonPath awaitEnd() throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (status().getString("state").matches("BUILDING|SWITCHING")
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(500); // searches on the new deployment too
    return status();
  }

  /** Stops searching; returns the status of every search answered. */
  List<Integer> answers() throws InterruptedException {
    close();
    return answers;
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    searches.join();
  }
}
