package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.eval.LabeledTrees;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --data DIR} with the shipped model on a labelled folder tree. */
@QuarkusMainTest
@TestProfile(CliTestProfile.class)
class EvaluateFolderTest {

  @TempDir Path root;

  @Test
  void everyMethodGetsAFiniteMapOnHeldOutQueries(QuarkusMainLauncher launcher) throws IOException {
    LabeledTrees.write(root, 3, 12);
    Files.writeString(root.resolve("bag").resolve("broken.png"), "no", StandardCharsets.UTF_8);

    LaunchResult evaluate =
        launcher.launch("evaluate", "--data", root.toString(), "--queries", "9", "--no-index");

    assertEquals(0, evaluate.exitCode(), evaluate.getErrorOutput());
    List<String> lines = evaluate.getOutput().lines().toList();
    String header = lines.stream().filter(l -> l.startsWith("data=")).findFirst().orElseThrow();
    assertTrue(
        header.startsWith(
            "data=" + root + " labels=3 (bag, sneaker, trouser) (queries held out) database=27"),
        header);
    assertTrue(header.contains(" queries=9 seed=42 "), header);
    assertTrue(
        evaluate
            .getErrorOutput()
            .lines()
            .anyMatch(l -> l.startsWith("skipped ") && l.contains("broken.png")),
        evaluate.getErrorOutput());
    List<String> rows = rows(lines);
    assertTrue(rows.size() >= 8, "every method has a row: " + rows);
    for (String method : List.of("raw pixels L2", "PCA-", "PCA-ITQ", "DAE dense exact (cosine)")) {
      assertTrue(rows.stream().anyMatch(r -> r.startsWith(method)), method + ": " + rows);
    }
    for (String row : rows) {
      double map = Double.parseDouble(row.substring(44).strip().split("\\s+")[0]);
      assertTrue(map > 0 && map <= 1, row);
    }
  }

  @Test
  void aSingleLabelTreeIsRefusedNamingTheFolder(QuarkusMainLauncher launcher) throws IOException {
    LabeledTrees.write(root, 1, 4);
    LaunchResult evaluate = launcher.launch("evaluate", "--data", root.toString(), "--no-index");
    assertEquals(1, evaluate.exitCode(), evaluate.getOutput());
    assertTrue(evaluate.getErrorOutput().contains(root.toString()), evaluate.getErrorOutput());
    assertTrue(evaluate.getErrorOutput().contains("one label only"), evaluate.getErrorOutput());
    assertFalse(evaluate.getErrorOutput().contains("Exception"), evaluate.getErrorOutput());
  }

  @Test
  void theValidationSplitIsRefusedForAFolder(QuarkusMainLauncher launcher) throws IOException {
    LabeledTrees.write(root, 2, 4);
    LaunchResult evaluate =
        launcher.launch("evaluate", "--data", root.toString(), "--split", "validation");
    assertEquals(1, evaluate.exitCode(), evaluate.getOutput());
    assertTrue(
        evaluate.getErrorOutput().contains("--split validation is for --dataset"),
        evaluate.getErrorOutput());
  }

  @Test
  void crossCollectionByNameFindsEveryCopyFirst(QuarkusMainLauncher launcher) throws IOException {
    Path database = Files.createDirectories(root.resolve("originals"));
    Path queries = Files.createDirectories(root.resolve("copies"));
    for (int i = 0; i < 30; i++) {
      Files.write(database.resolve("item-" + i + ".png"), SampleImages.png(i));
      if (i % 3 == 0) {
        Files.write(queries.resolve("item-" + i + ".png"), SampleImages.png(i));
      }
    }
    Files.write(queries.resolve("unmatched.png"), SampleImages.png(40));

    LaunchResult evaluate =
        launcher.launch(
            "evaluate",
            "--data",
            database.toString(),
            "--queries-from",
            queries.toString(),
            "--match",
            "name",
            "--no-index");

    assertEquals(0, evaluate.exitCode(), evaluate.getErrorOutput());
    List<String> lines = evaluate.getOutput().lines().toList();
    String header = lines.stream().filter(l -> l.startsWith("data=")).findFirst().orElseThrow();
    assertTrue(header.contains(" match=name database=30 queries=10 "), header);
    List<String> checked =
        rows(lines).stream()
            .filter(r -> r.startsWith("raw pixels L2") || r.startsWith("DAE dense exact (cosine)"))
            .toList();
    assertEquals(2, checked.size(), lines.toString());
    for (String row : checked) {
      String[] values = row.substring(44).strip().split("\\s+");
      assertEquals("1.0000", values[3], "hit@1: an identical copy comes first: " + row);
    }
  }

  /** The table's rows: a 44-character method name and seven columns. */
  private static List<String> rows(List<String> lines) {
    String header = lines.stream().filter(l -> l.startsWith("method ")).findFirst().orElseThrow();
    return lines.subList(lines.indexOf(header) + 1, lines.size()).stream()
        .takeWhile(l -> l.matches(".{44}(\\s+\\S+){7}"))
        .toList();
  }
}
