package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.Components;
import dev.lookalike.app.SampleStartup;
import dev.lookalike.collection.IndexMigration;
import dev.lookalike.collection.ProgressListener;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.lucene.LuceneIndexes;
import dev.lookalike.index.opensearch.TestCluster;
import dev.lookalike.search.SearchService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server on {@code lookalike.engine=opensearch} against the real two-node cluster: it indexes
 * its sample there and answers {@code POST /api/search} with the hits the embedded engine gives for
 * the same collection (a copy of the cluster's images in an embedded index, searched with the same
 * codes). Exact, hash, hybrid and dense agree hit for hit; diffusion differs by design (no
 * collection graph on the cluster: README "Scaling out") and is pinned to its documented bound.
 */
@QuarkusTest
@TestProfile(OpenSearchServerIT.OnCluster.class)
class OpenSearchServerIT {

  /** The sample in a fresh index of the test cluster, 2 shards and 1 replica. */
  public static class OnCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config =
          new HashMap<>(
              TestCluster.running().engineConfig("server-" + ProcessHandle.current().pid()));
      config.put("lookalike.opensearch.shards", "2");
      config.put("lookalike.opensearch.replicas", "1");
      config.put("lookalike.sample.limit", "300");
      config.put("lookalike.vae.enabled", "false");
      return config;
    }
  }

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @Inject CodeModel model;

  @Inject ImagePipeline pipeline;

  @Inject Components components;

  private static List<String> served(int image, String mode) {
    return given()
        .multiPart("image", "query.png", SampleImages.png(image), "image/png")
        .when()
        .post("/api/search?k=10&mode=" + mode)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("hits.id");
  }

  @Test
  void searchAnswersAsTheEmbeddedEngineDoesForTheSameCollection() throws IOException {
    sample.ensureIndexed();
    assertEquals(300, index.count());
    try (ImageIndex embedded = LuceneIndexes.inMemory(IndexSettings.defaults(), model.identity())) {
      new IndexMigration(index, embedded, 128).copy(null, ProgressListener.NONE);
      SearchService local = new SearchService(pipeline, model, embedded, CopyCheck.DEFAULT);
      double diffusionOverlap = 0;
      int queries = 8;
      for (int q = 0; q < queries; q++) {
        int image = 300 + q * 37; // images outside the indexed sample
        for (SearchMode mode :
            List.of(SearchMode.EXACT, SearchMode.HASH, SearchMode.HYBRID, SearchMode.DENSE)) {
          assertEquals(
              ids(local, image, mode), served(image, mode.id()), mode + " for image " + image);
        }
        List<String> cluster = served(image, "diffusion");
        List<String> reference = ids(local, image, SearchMode.DIFFUSION);
        assertEquals(reference.getFirst(), cluster.getFirst(), "diffusion keeps the nearest first");
        Set<String> shared = new HashSet<>(cluster);
        shared.retainAll(reference);
        diffusionOverlap += shared.size() / 10.0 / queries;
      }
      assertTrue(diffusionOverlap >= 0.7, "diffusion top-10 overlap " + diffusionOverlap);
    }
  }

  private List<String> ids(SearchService search, int image, SearchMode mode) throws IOException {
    return search
        .search(SampleImages.png(image), components.searchParams(10, 0, mode, null))
        .hits()
        .stream()
        .map(h -> h.id())
        .toList();
  }
}
