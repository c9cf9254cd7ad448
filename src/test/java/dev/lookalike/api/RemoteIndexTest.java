package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.client.RemoteIndexer;
import dev.lookalike.client.ServerClient;
import dev.lookalike.collection.FailureLog;
import dev.lookalike.collection.IndexInputs;
import dev.lookalike.collection.IndexingReport;
import dev.lookalike.collection.ProgressListener;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index DIR --server URL}: files streamed into a running server that keeps searching. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
class RemoteIndexTest {

  @TestHTTPResource("/")
  URI server;

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  @TempDir Path dir;

  @Test
  void aFolderGoesInWhileSearchesAnswerAndARerunSkipsEverything() throws Exception {
    sample.ensureIndexed();
    Path folder = Files.createDirectories(dir.resolve("photos/nested"));
    for (int i = 0; i < 70; i++) {
      Files.write(folder.resolve("p" + i + ".png"), SampleImages.png(600 + i));
    }
    Path text = Files.writeString(folder.resolve("notes.png"), "not an image");
    byte[] png = SampleImages.png(1);
    Path truncated = Files.write(folder.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    long before = index.count();
    ServerClient client = new ServerClient(server, Optional.empty());

    AtomicBoolean ingesting = new AtomicBoolean(true);
    AtomicInteger searches = new AtomicInteger();
    AtomicInteger searchErrors = new AtomicInteger();
    Thread searcher =
        Thread.ofPlatform()
            .start(
                () -> {
                  var request = client.searchRequest(SampleImages.png(3), "k=5");
                  while (ingesting.get()) {
                    try {
                      if (client.status(request) != 200) {
                        searchErrors.incrementAndGet();
                      }
                    } catch (IOException | InterruptedException e) {
                      searchErrors.incrementAndGet();
                    }
                    searches.incrementAndGet();
                  }
                });
    IndexingReport report;
    FailureLog failures = FailureLog.inMemory();
    try (IndexInputs inputs = IndexInputs.files(List.of(dir.resolve("photos")))) {
      report = new RemoteIndexer(client, 16, 2, ProgressListener.NONE).index(inputs, failures);
    } finally {
      ingesting.set(false);
      searcher.join();
    }

    assertEquals(70, report.added());
    assertEquals(2, report.failed());
    List<String> failed = new ArrayList<>();
    failures.kept().forEach(f -> failed.add(f.source()));
    assertTrue(
        failed.contains(text.toString()) && failed.contains(truncated.toString()), "" + failed);
    assertEquals(before + 70, index.count());
    assertEquals(before + 70, client.count());
    assertTrue(searches.get() > 0, "searches ran during the ingest");
    assertEquals(0, searchErrors.get());

    try (IndexInputs again = IndexInputs.files(List.of(dir.resolve("photos")))) {
      IndexingReport rerun =
          new RemoteIndexer(client, 50, 1, ProgressListener.NONE)
              .index(again, FailureLog.inMemory());
      assertEquals(0, rerun.added());
      assertEquals(70, rerun.skipped(), "a rerun resumes: everything indexed is skipped");
    }
    assertEquals(before + 70, index.count());
  }

  @Test
  void malformedBatchesAreRefusedWhole() {
    given()
        .multiPart("image", "a.png", SampleImages.png(1), "image/png")
        .multiPart("image", "b.png", SampleImages.png(2), "image/png")
        .multiPart("uri", "file:///only-one")
        .when()
        .post("/api/images/batch")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
    given().multiPart("uri", "x").when().post("/api/images/batch").then().statusCode(400);
  }
}
