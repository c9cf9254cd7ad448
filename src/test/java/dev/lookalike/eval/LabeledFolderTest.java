package dev.lookalike.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A labelled folder tree read for evaluate, and its held-out split, without Quarkus. */
class LabeledFolderTest {

  private static final ImageSpec SPEC = new ImageSpec(28, 1);
  private static final ImagePipeline PIPELINE = ImagePipeline.withDefaults(SPEC);

  @TempDir Path root;

  private final Map<String, String> skipped = new LinkedHashMap<>();

  private LabeledImages load() {
    return LabeledFolder.load(
        root, PIPELINE, (file, reason) -> skipped.put(file.getFileName().toString(), reason));
  }

  private static Path firstFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().findFirst().orElseThrow();
    }
  }

  @Test
  void eachSubFolderIsALabelAndNestedImagesBelongToIt() throws IOException {
    List<String> folders = LabeledTrees.write(root, 3, 4);
    Path nested = Files.createDirectories(root.resolve(folders.get(0)).resolve("z-deeper"));
    Path first = firstFile(root.resolve(folders.get(1)));
    Files.copy(first, nested.resolve("copy.png"));

    LabeledImages images = load();

    assertEquals(List.of("bag", "sneaker", "trouser"), images.labelNames());
    assertEquals(13, images.size());
    assertArrayEquals(
        new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, images.labels(), "sorted, nested in 0");
    assertEquals(PIPELINE.toInput(Files.readAllBytes(first)), images.images().get(5));
    assertEquals(images.images().get(4), images.images().get(5), "the nested copy, labelled bag");
    assertTrue(images.images().stream().allMatch(image -> image.matches(SPEC)));
    assertTrue(skipped.isEmpty(), skipped.toString());
  }

  @Test
  void badFilesAreSkippedWithTheirReason() throws IOException {
    List<String> folders = LabeledTrees.write(root, 2, 3);
    Path bag = root.resolve(folders.get(0));
    Files.writeString(bag.resolve("corrupt.png"), "not a png", StandardCharsets.UTF_8);
    Files.write(bag.resolve("empty.jpg"), new byte[0]);
    Files.writeString(bag.resolve("notes.txt"), "not an image name", StandardCharsets.UTF_8);
    Files.copy(firstFile(bag), root.resolve("loose.png"));

    LabeledImages images = load();

    assertEquals(6, images.size());
    assertEquals(Set.of("corrupt.png", "empty.jpg", "loose.png"), skipped.keySet());
    assertEquals("not in a label sub-folder", skipped.get("loose.png"));
    assertFalse(skipped.get("corrupt.png").isBlank());
    assertFalse(skipped.get("empty.jpg").isBlank());
  }

  @Test
  void queriesAreHeldOutOfTheDatabaseReproducibly() throws IOException {
    LabeledTrees.write(root, 3, 6);
    LabeledImages images = load();

    EvaluationSplit.Data data = EvaluationSplit.Data.holdOut(images, 5, 7L);

    assertEquals(5, data.queries().size());
    assertEquals(13, data.database().size());
    Set<FloatImage> database = new HashSet<>(data.database().images());
    assertEquals(13, database.size(), "the sample images are distinct");
    for (int q = 0; q < 5; q++) {
      assertFalse(database.contains(data.queries().images().get(q)), "query " + q + " held out");
      int label = data.queries().labels()[q];
      FloatImage query = data.queries().images().get(q);
      int original =
          IntStream.range(0, images.size())
              .filter(i -> images.images().get(i).equals(query))
              .findFirst()
              .orElseThrow();
      assertEquals(images.labels()[original], label, "query keeps its label");
    }
    assertEquals(images.labelNames(), data.database().labelNames());
    EvaluationSplit.Data again = EvaluationSplit.Data.holdOut(load(), 5, 7L);
    assertEquals(data.queries().images(), again.queries().images());
    assertArrayEquals(data.database().labels(), again.database().labels());
    assertNotEquals(
        data.queries().images(), EvaluationSplit.Data.holdOut(images, 5, 8L).queries().images());
  }

  @Test
  void aSplitMustKeepQueriesAndADatabase() throws IOException {
    LabeledTrees.write(root, 2, 2);
    LabeledImages images = load();
    assertThrows(IllegalArgumentException.class, () -> EvaluationSplit.Data.holdOut(images, 4, 1));
    assertThrows(IllegalArgumentException.class, () -> EvaluationSplit.Data.holdOut(images, 0, 1));
    assertEquals(3, EvaluationSplit.Data.holdOut(images, 1, 1).database().size());
  }

  @Test
  void aTreeWithOneLabelIsRefusedNamingTheFolder() throws IOException {
    LabeledTrees.write(root, 1, 3);
    Files.createDirectories(root.resolve("empty-label"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::load);
    assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("one label only (trouser)"), e.getMessage());
  }

  @Test
  void aTreeWithoutDecodableImagesIsRefused() throws IOException {
    Files.writeString(
        Files.createDirectories(root.resolve("a")).resolve("bad.png"), "x", StandardCharsets.UTF_8);
    Files.createDirectories(root.resolve("b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::load);
    assertTrue(e.getMessage().contains(root + " has no decodable images"), e.getMessage());
    assertEquals(Set.of("bad.png"), skipped.keySet());
  }
}
