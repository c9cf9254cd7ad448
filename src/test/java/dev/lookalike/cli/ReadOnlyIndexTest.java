package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.api.SampleImages;
import dev.lookalike.index.DirectoryDigest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read the index ({@code search}, {@code evaluate}) leave the configured index
 * byte-identical: no commit, no lock file, nothing.
 */
@QuarkusMainTest
@TestProfile(ReadOnlyIndexTestProfile.class)
class ReadOnlyIndexTest {

  @Test
  void searchAndEvaluateLeaveTheIndexByteIdentical(QuarkusMainLauncher launcher, @TempDir Path dir)
      throws IOException {
    Path index = Path.of(ReadOnlyIndexTestProfile.INDEX_DIR);
    deleteRecursively(index);
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < 30; i++) {
      Files.write(images.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
    LaunchResult indexed = launcher.launch("index", images.toString());
    assertEquals(0, indexed.exitCode(), indexed.getErrorOutput());
    assertTrue(indexed.getOutput().contains("now holds 30 images"), indexed.getOutput());
    Map<String, String> before = DirectoryDigest.of(index);
    assertFalse(before.isEmpty());

    for (String mode : new String[] {"exact", "dense", "hash", "hybrid", "diffusion"}) {
      LaunchResult search =
          launcher.launch(
              "search",
              images.resolve("garment-3.png").toString(),
              "-k",
              "5",
              "--mode",
              mode,
              "--json");
      assertEquals(0, search.exitCode(), search.getErrorOutput());
      // the JSON line; a log line may precede it
      String json =
          search.getOutput().lines().filter(l -> l.startsWith("{")).findFirst().orElse("");
      assertEquals(5, new ObjectMapper().readTree(json).get("hits").size(), search.getOutput());
      assertEquals(before, DirectoryDigest.of(index), "search --mode " + mode + " wrote");
    }

    Path data = new CliFixture(dir).fashionMnist();
    LaunchResult evaluate =
        launcher.launch("evaluate", "--data-dir", data.toString(), "--queries", "20");
    assertEquals(0, evaluate.exitCode(), evaluate.getErrorOutput());
    assertTrue(evaluate.getOutput().contains("(Lucene)"), evaluate.getOutput());
    assertEquals(before, DirectoryDigest.of(index), "evaluate wrote to the index");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
