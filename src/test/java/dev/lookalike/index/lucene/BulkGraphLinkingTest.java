package dev.lookalike.index.lucene;

import static dev.lookalike.index.lucene.IndexGraphTest.assertListsAreNearest;
import static dev.lookalike.index.lucene.IndexGraphTest.nodesById;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.CellNeighbours;
import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk run's images ({@link dev.lookalike.index.GraphLinking#ON_CLOSE}) get their neighbour lists
 * together when the run closes, or when the index is next opened after a crash: the same nearest
 * lists a per-image index keeps.
 */
class BulkGraphLinkingTest {

  private static final int DIMENSIONS = 16;
  private static final ModelIdentity MODEL = new ModelIdentity("bulk-graph", DIMENSIONS, 64);

  @TempDir Path dir;

  private final Random random = new Random(7);
  private final Map<String, float[]> live = new LinkedHashMap<>();
  private int next;

  @Test
  void aBulkRunIsLinkedAllTogetherWhenItCloses() throws IOException {
    // More images than CellNeighbours compares all pairs of: the run goes through the cells.
    int images = CellNeighbours.ALL_PAIRS_BELOW + 1500;
    try (LuceneImageIndex index = bulk()) {
      for (int batch = 0; batch < images / 500; batch++) {
        index.add(records(500));
      }
      index.commit();
      assertEquals(0, index.graph().neighbours(0).size(), "not linked before the run closes");
    }
    assertListsAreNearest(reopenedGraph(), nodesById(dir), live);
  }

  @Test
  void aSmallRunIntoALargeIndexLinksEachOfItsImages() throws IOException {
    try (ImageIndex index = LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL)) {
      index.add(records(1600));
      index.commit();
    }
    try (LuceneImageIndex index = bulk()) {
      index.add(records(100)); // under an eighth of the index: one graph search each
      index.delete("img3");
      live.remove("img3");
    }
    assertListsAreNearest(reopenedGraph(), nodesById(dir), live);
  }

  @Test
  void aRunKilledAfterACommitIsLinkedByTheNextOpen() throws IOException {
    try (LuceneImageIndex index = bulk()) {
      index.add(records(900));
      index.commit();
      // What a crash leaves: a commit whose graph has none of the run's lists. Whoever opens the
      // index next links them (read-only here, as the writer still holds the lock).
      try (LuceneImageIndex reader = (LuceneImageIndex) LuceneIndexes.openReadOnly(dir, MODEL)) {
        assertListsAreNearest(reader.graph(), nodesById(dir), live);
      }
    }
  }

  private LuceneImageIndex bulk() throws IOException {
    return (LuceneImageIndex) LuceneIndexes.open(dir, IndexSettings.defaults().forBulk(), MODEL);
  }

  private NeighbourGraph reopenedGraph() throws IOException {
    try (LuceneImageIndex index =
        (LuceneImageIndex) LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL)) {
      return index.graph();
    }
  }

  private List<ImageRecord> records(int count) {
    List<ImageRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "img" + next++;
      float[] code = clusteredCode();
      records.add(
          new ImageRecord(
              id,
              "test:" + id,
              null,
              Map.of(),
              new byte[0],
              new Codes(code, new long[] {random.nextLong()})));
      live.put(id, code);
    }
    return records;
  }

  /** A unit code near one of 40 random centres: neighbourhoods with real structure. */
  private float[] clusteredCode() {
    Random centres = new Random(random.nextInt(40));
    float[] v = new float[DIMENSIONS];
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) (centres.nextGaussian() + 0.4 * random.nextGaussian());
      norm += v[d] * v[d];
    }
    for (int d = 0; d < v.length; d++) {
      v[d] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
