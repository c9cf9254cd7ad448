package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.LivePointer;
import dev.lookalike.app.SampleStartup;
import dev.lookalike.collection.Originals;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.training.TinyModels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/admin/reindex}: the server moves its collection to a new model while it keeps
 * answering searches, and switches without a restart; writes made during the build survive it.
 */
@QuarkusTest
@TestProfile(ReindexApiTest.Profile.class)
class ReindexApiTest {

  /** A fresh index directory in a folder of its own (the new index and pointer go beside it). */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path root = Files.createTempDirectory("lookalike-reindex-test");
        return Map.of(
            "lookalike.index.dir",
            root.resolve("index").toString(),
            "lookalike.api-key",
            ApiKeyTest.KEY,
            "lookalike.sample.limit",
            "200",
            "lookalike.store-originals",
            "true",
            "lookalike.vae.enabled",
            "false");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Inject SampleStartup sample;

  @ConfigProperty(name = "lookalike.index.dir")
  Path indexDir;

  private static JsonPath stats() {
    return given().when().get("/api/stats").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void theServerSwitchesToANewModelWithoutAFailedSearch() throws Exception {
    sample.ensureIndexed();
    Path model = TinyModels.train(indexDir.resolveSibling("new-model"), 16, 11);
    String fingerprint;
    try (CodeModel loaded = CodeModel.load(ModelSource.directory(model))) {
      fingerprint = loaded.fingerprint();
    }
    // an upload before the build: with its original kept, it is re-read from it, not its thumbnail
    String uploaded = ApiKeyTest.upload(SampleImages.largePng(3, 300));
    assertTrue(
        Originals.in(indexDir.resolveSibling("index.originals")).read(uploaded).isPresent(),
        "kept beside the index");
    long before = stats().getLong("count");

    given()
        .contentType("application/json")
        .body(Map.of("model", model.toString()))
        .when()
        .post("/api/admin/reindex")
        .then()
        .statusCode(401);
    reindex(indexDir.resolveSibling("no-model").toString())
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("no model in"));
    // a damaged model: the request names it, so it is the client's error, not the server's
    Path damaged = Files.createDirectories(indexDir.resolveSibling("damaged-model"));
    Files.writeString(damaged.resolve("model.json"), "{\"format\": 1, \"architecture\": ");
    reindex(damaged.toString())
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("cannot load model from"));

    String duringBuild;
    JsonPath done;
    List<Integer> answers;
    try (ReindexDriver searches = ReindexDriver.searching()) {
      reindex(model.toString()).then().statusCode(202).body("state", equalTo("BUILDING"));
      // one reindex at a time: a second one while the first builds is a conflict
      reindex(model.toString())
          .then()
          .statusCode(409)
          .contentType(Problem.MEDIA_TYPE)
          .body("title", equalTo("A reindex is running"));
      duringBuild = ApiKeyTest.upload(SampleImages.png(960));
      done = ReindexDriver.awaitEnd();
      answers = searches.answers();
    }
    assertEquals("DONE", done.getString("state"), done.prettify());
    assertEquals(0, done.getLong("failed"), done.prettify());
    assertEquals(
        0, done.getLong("fromThumbnail"), "the upload from its original: " + done.prettify());
    assertTrue(answers.size() > 5, "searches ran during the reindex: " + answers.size());
    assertEquals(List.of(200), answers.stream().distinct().toList(), "every search answered");

    JsonPath after = stats();
    assertEquals(fingerprint, after.getString("model"), "the new model serves");
    assertEquals(16, after.getInt("inputSize"));
    assertEquals(before + 1, after.getLong("count"), "the sample and the upload of the build");
    given().when().get("/api/images/" + duringBuild).then().statusCode(200);
    given()
        .when()
        .get("/api/images/" + duringBuild + "/similar?k=3&mode=dense")
        .then()
        .statusCode(200)
        .body("hits[0].id", equalTo(duringBuild));

    LivePointer pointer = LivePointer.read(indexDir).orElseThrow();
    assertEquals(model.toAbsolutePath(), pointer.model());
    assertTrue(Files.isDirectory(pointer.index()), "the new index, named in " + pointer);
    reindex(model.toString())
        .then()
        .statusCode(400)
        .body("detail", containsString("live model already"));
  }

  private static io.restassured.response.Response reindex(String model) {
    return ReindexDriver.reindex(model);
  }
}
