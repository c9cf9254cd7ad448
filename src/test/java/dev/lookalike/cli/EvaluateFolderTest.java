package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        header.startsWith("data=" + root + " labels=3 (bag, sneaker, trouser) database=27"),
        header);
    assertTrue(header.contains(" queries=9 (held out) seed=42 "), header);
    assertTrue(
        evaluate
            .getErrorOutput()
            .lines()
            .anyMatch(l -> l.startsWith("skipped ") && l.contains("broken.png")),
        evaluate.getErrorOutput());
    List<String> rows =
        lines.subList(lines.indexOf(tableHeader(lines)) + 1, lines.size()).stream()
            .takeWhile(l -> l.matches(".{44}\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+"))
            .toList();
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

  private static String tableHeader(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("method ")).findFirst().orElseThrow();
  }
}
