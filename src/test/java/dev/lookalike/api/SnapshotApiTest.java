package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.lucene.LuceneIndexes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/admin/snapshots}: admin-only, and a restored snapshot answers the same. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKey.class)
class SnapshotApiTest {

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @Inject CodeModel model;

  @Inject ImagePipeline pipeline;

  @BeforeEach
  void sampleIndexed() throws IOException {
    sample.ensureIndexed();
  }

  private List<List<String>> answers(ImageIndex searched) throws IOException {
    List<List<String>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      var codes = model.codes(pipeline.toInput(SampleImages.png(950 + i)));
      for (SearchMode mode : SearchMode.values()) {
        answers.add(
            searched.search(codes, SearchParams.of(10, mode)).stream().map(Hit::id).toList());
      }
    }
    return answers;
  }

  @Test
  void aSnapshotNeedsTheKey() {
    given().when().post("/api/admin/snapshots").then().statusCode(401);
    given()
        .header("X-Api-Key", "wrong")
        .when()
        .post("/api/admin/snapshots")
        .then()
        .statusCode(401)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("does not match"));
  }

  @Test
  void aRestoredSnapshotAnswersTheSameSearches() throws IOException {
    // An upload acknowledged just before must be in the snapshot.
    String uploaded = ApiKeyTest.upload(SampleImages.png(940));
    List<List<String>> before = answers(index);
    long count = index.count();

    String directory =
        given()
            .header("X-Api-Key", ApiKeyTest.KEY)
            .when()
            .post("/api/admin/snapshots")
            .then()
            .statusCode(201)
            .body("name", startsWith("snapshot-"))
            .body("images", equalTo((int) count))
            .extract()
            .path("directory");

    Path restored = Files.createTempDirectory("lookalike-restored").resolve("index");
    assertEquals(count, LuceneIndexes.restore(Path.of(directory), restored).images());
    try (ImageIndex copy = LuceneIndexes.openReadOnly(restored, model.identity())) {
      assertTrue(copy.get(uploaded).isPresent(), "the acknowledged upload is in the snapshot");
      assertEquals(before, answers(copy));
    }
  }
}
