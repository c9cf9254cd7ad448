package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import dev.lookalike.graph.DiffusionParams;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.DirectoryDigest;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.StoredImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the Lucene index does: commit data, read-only opening, schema versions, and the
 * collection analytics over its buckets. The generic behaviour is in {@link
 * LuceneImageIndexContractTest}.
 */
class LuceneImageIndexTest {

  private static final ModelIdentity MODEL = new ModelIdentity("model-a", 16, 64);

  private static List<Codes> codes;

  @BeforeAll
  static void data() {
    Random random = new Random(7);
    float[][] latents = new float[200][MODEL.latent()];
    for (float[] latent : latents) {
      for (int d = 0; d < latent.length; d++) {
        latent[d] = (float) random.nextGaussian();
      }
    }
    Coder coder = new Coder(Binarizer.fit(latents, MODEL.bits(), BinarizerMethod.ITQ, 1));
    codes = List.of(latents).stream().map(coder::code).toList();
  }

  private static ImageRecord record(int i) {
    return new ImageRecord("img" + i, "test:" + i, "c" + i % 3, Map.of(), null, codes.get(i));
  }

  private static void fill(Path dir, int n) throws IOException {
    try (ImageIndex index = LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL)) {
      List<ImageRecord> records = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        records.add(record(i));
      }
      index.add(records);
    }
  }

  @Test
  void commitsRecordTheModelIdentity(@TempDir Path dir) throws IOException {
    fill(dir, 10);
    try (FSDirectory directory = FSDirectory.open(dir)) {
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      assertEquals("model-a", data.get("lookalike.model"));
      assertEquals("16", data.get("lookalike.latent"));
      assertEquals("64", data.get("lookalike.bits"));
      assertEquals(Integer.toString(IndexFields.SCHEMA_VERSION), data.get("lookalike.schema"));
      assertEquals(
          MODEL, CommitData.read(directory, dir.toString()).orElseThrow(), "read back as written");
    }
  }

  @Test
  void aReadOnlyIndexSearchesBesideAWriterAndWritesNothing(@TempDir Path dir) throws IOException {
    fill(dir, 50);
    Map<String, String> before = DirectoryDigest.of(dir);
    try (ImageIndex writable = LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL);
        ImageIndex reader = LuceneIndexes.openReadOnly(dir, MODEL)) {
      assertEquals(50, reader.count());
      assertEquals(
          writable.search(codes.get(3), SearchParams.of(5, SearchMode.HYBRID)),
          reader.search(codes.get(3), SearchParams.of(5, SearchMode.HYBRID)));
      assertThrows(UnsupportedOperationException.class, () -> reader.add(List.of(record(60))));
      assertThrows(UnsupportedOperationException.class, () -> reader.delete("img1"));
    }
    assertEquals(before, DirectoryDigest.of(dir));
  }

  @Test
  void readOnlyOpeningOfNoIndexCreatesNothing(@TempDir Path dir) {
    Path missing = dir.resolve("missing");
    assertThrows(NoSuchFileException.class, () -> LuceneIndexes.openReadOnly(missing, MODEL));
    assertFalse(Files.exists(missing));
  }

  @Test
  void anotherSchemaVersionIsRefused(@TempDir Path dir) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of("lookalike.schema", "99").entrySet());
      writer.commit();
    }
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL));
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
  }

  @Test
  void duplicatesReachTwoChunkRingsOnTheEmbeddedIndex(@TempDir Path dir) throws IOException {
    try (ImageIndex index = LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL)) {
      float[] dense = codes.get(0).dense();
      long[] base = codes.get(0).bits();
      // 64 bits = 4 chunks: 6 bits apart needs the ring of radius 1, which the cluster engine
      // does not look up (its bound is chunks − 1); the embedded one goes to radius 2.
      long[][] variants = {base, {base[0] ^ 0b111111L << 20}};
      List<ImageRecord> records = new ArrayList<>();
      for (int i = 0; i < variants.length; i++) {
        String id = Character.toString('a' + i);
        records.add(
            new ImageRecord(id, "t:" + id, null, Map.of(), null, new Codes(dense, variants[i])));
      }
      index.add(records);
      CollectionAnalytics analytics = index.analytics();
      assertEquals(List.of(Set.of("a", "b")), groups(analytics.duplicates(6, 10)));
      assertEquals(List.of(), groups(analytics.duplicates(5, 10)));
      assertThrows(IllegalArgumentException.class, () -> analytics.duplicates(12, 10));
    }
  }

  private static List<Set<String>> groups(List<List<StoredImage>> groups) {
    return groups.stream()
        .map(g -> g.stream().map(StoredImage::id).collect(Collectors.toSet()))
        .toList();
  }

  @Test
  void parametersAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> SearchParams.of(0, SearchMode.DENSE));
    assertThrows(
        IllegalArgumentException.class,
        () -> SearchParams.of(SearchParams.MAX_K + 1, SearchMode.DENSE));
    assertThrows(
        IllegalArgumentException.class, () -> new SearchParams(10, -1, SearchMode.DENSE, null));
    IllegalArgumentException factor =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SearchParams(10, 0, SearchMode.HYBRID, null, 0, 2, DiffusionParams.DEFAULT));
    assertTrue(factor.getMessage().contains("got: 0"), factor.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SearchParams(10, 0, SearchMode.HASH, null, 10, 4, DiffusionParams.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> new ModelIdentity("m", 0, 64));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SearchMode.parse("fuzzy"));
    assertTrue(e.getMessage().contains("hybrid"), e.getMessage());
  }
}
