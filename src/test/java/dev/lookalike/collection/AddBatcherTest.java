package dev.lookalike.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.lucene.LuceneIndexes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrent single adds share encoding passes and index writes ({@link AddBatcher}), and each
 * image still gets its own codes.
 */
class AddBatcherTest {

  private static CodeModel model;
  private static ImagePipeline pipeline;

  @BeforeAll
  static void model() {
    model = CodeModel.load(ModelSource.shipped());
    pipeline = ImagePipeline.withDefaults(model.spec());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void concurrentAddsShareBatchesAndEachImageKeepsItsOwnCodes() throws Exception {
    int uploaders = 8;
    int each = 20;
    try (ImageIndex index = LuceneIndexes.inMemory(IndexSettings.defaults(), model.identity())) {
      ImageCollection collection = new ImageCollection(pipeline, model, index);
      ExecutorService pool = Executors.newFixedThreadPool(uploaders);
      List<Future<List<String>>> ids = new ArrayList<>();
      for (int u = 0; u < uploaders; u++) {
        int uploader = u;
        ids.add(
            pool.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    mine.add(
                        collection.add(
                            SampleImages.png(uploader * each + i), null, null, Map.of()));
                  }
                  return mine;
                }));
      }
      List<String> added = new ArrayList<>();
      for (Future<List<String>> f : ids) {
        added.addAll(f.get());
      }
      pool.shutdown();

      assertEquals(uploaders * each, index.count());
      assertTrue(
          collection.addBatches() < uploaders * each,
          collection.addBatches() + " batches for " + uploaders * each + " adds: none shared");
      for (int i = 0; i < added.size(); i += 17) {
        PreparedImage prepared = pipeline.prepare(SampleImages.png(i));
        assertArrayEquals(
            model.codes(prepared.input()).dense(),
            index.get(added.get(i)).orElseThrow().codes().dense(),
            1e-4f,
            "image " + i + " has its own codes, whatever batch it was encoded in");
      }
    }
  }

  @Test
  void aFailedWriteReachesTheUploader() throws IOException {
    ImageIndex index = LuceneIndexes.inMemory(IndexSettings.defaults(), model.identity());
    ImageCollection collection = new ImageCollection(pipeline, model, index);
    collection.add(SampleImages.png(1), null, null, Map.of());
    index.close();
    assertThrows(Exception.class, () -> collection.add(SampleImages.png(2), null, null, Map.of()));
    assertEquals(2, collection.addBatches(), "the failed batch was still taken and ended");
  }
}
