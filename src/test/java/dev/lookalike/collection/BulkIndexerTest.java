package dev.lookalike.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.api.SampleImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.lucene.LuceneIndexes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipelined indexer against a plain one-thread, one-image-per-batch run over the same folder:
 * the same images with the same codes, the same failures (every bad file in the JSON-lines log),
 * commits as the policy says, and a rerun that skips everything.
 */
class BulkIndexerTest {

  private static final int IMAGES = 150;

  @TempDir static Path dir;

  private static CodeModel model;
  private static ImagePipeline pipeline;
  private static Path folder;
  private static final List<String> BAD = List.of("corrupt.png", "notes.jpg", "empty.png");

  @BeforeAll
  static void setUp() throws IOException {
    model = CodeModel.load(ModelSource.shipped());
    pipeline = ImagePipeline.withDefaults(model.spec());
    folder = Files.createDirectories(dir.resolve("images/a/b"));
    for (int i = 0; i < IMAGES; i++) {
      Files.write(folder.resolve("img-" + i + ".png"), SampleImages.png(i));
    }
    byte[] png = SampleImages.png(1);
    Files.write(folder.resolve(BAD.get(0)), Arrays.copyOf(png, png.length / 2));
    Files.writeString(folder.resolve(BAD.get(1)), "text, not a picture");
    Files.write(folder.resolve(BAD.get(2)), new byte[0]);
  }

  @AfterAll
  static void tearDown() {
    model.close();
  }

  private static IndexingReport index(
      ImageIndex index, BulkIndexer.Settings settings, FailureLog failures) throws IOException {
    try (IndexInputs inputs = IndexInputs.files(List.of(dir.resolve("images")))) {
      return new BulkIndexer(pipeline, model, index, settings, ProgressListener.NONE)
          .index(inputs, failures);
    }
  }

  @Test
  void thePipelineIndexesExactlyWhatASequentialRunIndexes() throws IOException {
    Path log = dir.resolve("failures.jsonl");
    try (ImageIndex sequential =
            LuceneIndexes.inMemory(IndexSettings.defaults(), model.identity());
        ImageIndex pipelined = LuceneIndexes.inMemory(IndexSettings.defaults(), model.identity());
        FailureLog none = FailureLog.inMemory();
        FailureLog failures = FailureLog.toFile(log)) {
      IndexingReport one =
          index(sequential, new BulkIndexer.Settings(1, 1, false, CommitPolicy.DEFAULT), none);
      IndexingReport many =
          index(pipelined, new BulkIndexer.Settings(3, 16, false, CommitPolicy.DEFAULT), failures);
      assertEquals(IMAGES, one.added());
      assertEquals(IMAGES, many.added());
      assertEquals(3, many.failed());
      List<IndexedImage> expected = sequential.scan(null, 10_000);
      List<IndexedImage> actual = pipelined.scan(null, 10_000);
      assertEquals(ids(expected), ids(actual));
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i).codes().dense(), actual.get(i).codes().dense(), 1e-5f);
        assertArrayEquals(expected.get(i).thumbnailPng(), actual.get(i).thumbnailPng());
        assertEquals(expected.get(i).image().uri(), actual.get(i).image().uri());
      }
      failures.close();
      Set<String> logged = new TreeSet<>();
      for (String line : Files.readAllLines(log)) {
        JsonNode entry = new ObjectMapper().readTree(line);
        assertTrue(entry.get("reason").asText().length() > 3, line);
        logged.add(Path.of(entry.get("path").asText()).getFileName().toString());
      }
      assertEquals(new TreeSet<>(BAD), logged, "every bad file in the failure log, once");
      assertEquals(
          new TreeSet<>(BAD),
          new TreeSet<>(
              many.failures().stream()
                  .map(f -> Path.of(f.source()).getFileName().toString())
                  .toList()));
    }
  }

  @Test
  void commitsFollowThePolicyAndARerunSkipsEverything() throws IOException {
    try (ImageIndex index = LuceneIndexes.inMemory(IndexSettings.defaults(), model.identity());
        FailureLog failures = FailureLog.inMemory()) {
      CountingCommits counted = new CountingCommits(index);
      BulkIndexer.Settings settings =
          new BulkIndexer.Settings(2, 10, false, new CommitPolicy(Duration.ofHours(1), 40));
      IndexingReport first = index(counted, settings, failures);
      assertEquals(IMAGES, first.added());
      // a commit after every 40 images (batches of 10), and one at the end
      assertEquals(IMAGES / 40 + 1, counted.commits());
      IndexingReport again = index(counted, settings, failures);
      assertEquals(0, again.added());
      assertEquals(IMAGES, again.skipped());
      assertEquals(IMAGES, index.count());
    }
  }

  private static List<String> ids(List<IndexedImage> images) {
    List<String> ids = new ArrayList<>();
    images.forEach(i -> ids.add(i.id()));
    return ids;
  }
}
