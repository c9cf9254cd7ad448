package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.Components;
import dev.lookalike.app.SampleStartup;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.opensearch.TestCluster;
import dev.lookalike.training.TinyModels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/admin/reindex} on {@code lookalike.engine=opensearch}: the server builds the new
 * model's index beside the live one on the real cluster while it keeps answering searches, then
 * moves the configured name (an alias) to it; the old index stays, and a restart loads the new
 * model from what the alias names.
 */
@QuarkusTest
@TestProfile(OpenSearchReindexIT.OnCluster.class)
class OpenSearchReindexIT {

  static final String INDEX = "reindex-" + ProcessHandle.current().pid();

  /** The sample in a fresh index of the test cluster. */
  public static class OnCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestCluster.running().engineConfig(INDEX));
      config.put("lookalike.api-key", ApiKeyTest.KEY);
      config.put("lookalike.sample.limit", "150");
      config.put("lookalike.vae.enabled", "false");
      return config;
    }
  }

  @Inject SampleStartup sample;

  @Inject Components components;

  @Test
  void theServerMovesTheAliasToTheNewModelsIndexWithoutAFailedSearch() throws Exception {
    TestCluster cluster = TestCluster.running();
    sample.ensureIndexed();
    String oldModel = stats().getString("model");
    String oldIndex = INDEX + "-" + oldModel.substring(0, 12);
    assertTrue(aliasTargets(cluster).contains(oldIndex), "created behind the alias: " + oldIndex);
    long before = stats().getLong("count");

    Path model = TinyModels.train(Files.createTempDirectory("lookalike-cluster-model"), 16, 11);
    String fingerprint;
    try (CodeModel loaded = CodeModel.load(ModelSource.directory(model))) {
      fingerprint = loaded.fingerprint();
    }
    String duringBuild;
    JsonPath done;
    List<Integer> answers;
    try (ReindexDriver searches = ReindexDriver.searching()) {
      ReindexDriver.reindex(model.toString())
          .then()
          .statusCode(202)
          .body("state", equalTo("BUILDING"));
      duringBuild = ApiKeyTest.upload(SampleImages.png(960));
      done = ReindexDriver.awaitEnd();
      answers = searches.answers();
    }

    assertEquals("DONE", done.getString("state"), done.prettify());
    assertEquals(0, done.getLong("failed"), done.prettify());
    assertTrue(answers.size() > 5, "searches ran during the reindex: " + answers.size());
    assertEquals(List.of(200), answers.stream().distinct().toList(), "every search answered");
    assertEquals(fingerprint, stats().getString("model"), "the new model serves");
    assertEquals(before + 1, stats().getLong("count"), "the sample and the upload of the build");
    given()
        .when()
        .get("/api/images/" + duringBuild + "/similar?k=3&mode=dense")
        .then()
        .statusCode(200)
        .body("hits[0].id", equalTo(duringBuild));

    String newIndex = INDEX + "-" + fingerprint.substring(0, 12);
    assertEquals(List.of(newIndex), aliasTargets(cluster), "the alias names the new index alone");
    assertTrue(
        cluster.get(1, "/" + oldIndex + "/_count").contains("\"count\":" + (before + 1)),
        "the old index is kept as it was at the switch");
    // what a restart opens: the model the alias's index records, and that index
    try (CodeModel restarted = components.openModel(null);
        ImageIndex index = components.openIndex(null, restarted)) {
      assertEquals(fingerprint, restarted.fingerprint());
      assertEquals(before + 1, index.count());
    }
  }

  /** The indexes the configured alias names, from the cluster itself. */
  private static List<String> aliasTargets(TestCluster cluster) throws Exception {
    String body = cluster.get(1, "/_cat/aliases/" + INDEX + "?h=index");
    return body.lines().map(String::trim).filter(l -> !l.isEmpty()).sorted().toList();
  }

  private static JsonPath stats() {
    return given().when().get("/api/stats").then().statusCode(200).extract().jsonPath();
  }
}
