package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, one scenario per test: train a tiny model, index a folder with bad files in
 * it, search, augment, evaluate. The trained models and the index are made once per class ({@link
 * CliFixture}).
 */
@QuarkusMainTest
@TestProfile(CliTestProfile.class)
class CliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static CliFixture fixture;

  @BeforeAll
  static void fixture() {
    fixture = new CliFixture(dir);
  }

  private static LaunchResult search(QuarkusMainLauncher launcher, Path image, String... options)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("search", image.toString()));
    args.addAll(List.of("--index", fixture.index(launcher).toString()));
    args.addAll(List.of("--model", fixture.model(launcher).toString()));
    args.addAll(List.of(options));
    return launcher.launch(args.toArray(String[]::new));
  }

  @Test
  void trainWritesAModelThatRecordsItsCommand(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult train = fixture.training(launcher);
    assertEquals(0, train.exitCode(), train.getErrorOutput());
    assertTrue(train.getOutput().contains("training on 60 images"), train.getOutput());
    assertTrue(train.getOutput().contains("epoch   2"), train.getOutput());
    String manifest = Files.readString(fixture.model().resolve("model.json"));
    assertTrue(manifest.contains("\"command\" : \"lookalike train --data"), manifest);
    assertTrue(manifest.contains("saltpepper:0.1"), manifest);
  }

  @Test
  void indexAddsTheImagesAndNamesEachBadFile(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult first = fixture.indexing(launcher);
    String report = first.getOutput();
    assertEquals(2, first.exitCode(), "failures give exit code 2: " + report);
    assertTrue(report.contains("added 60, already indexed 0, failed 3"), report);
    for (String bad : List.of("corrupt.png", "notes.png", "empty.png")) {
      assertTrue(
          report.lines().anyMatch(l -> l.contains("failed") && l.contains(bad)),
          bad + " not named: " + report);
    }
    assertTrue(report.contains("images/s"), report);
  }

  @Test
  void indexingAgainAddsNothing(QuarkusMainLauncher launcher) throws IOException {
    fixture.indexing(launcher);
    LaunchResult second = fixture.indexMixed(launcher);
    assertTrue(second.getOutput().contains("added 0, already indexed 60"), second.getOutput());
    assertTrue(second.getOutput().contains("now holds 60 images"), second.getOutput());
  }

  @Test
  void searchJsonFindsTheQueryItselfFirst(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult search = search(launcher, fixture.query(), "-k", "5", "--mode", "exact", "--json");
    assertEquals(0, search.exitCode(), search.getErrorOutput());
    JsonNode response = JSON.readTree(search.getOutput());
    assertEquals(5, response.get("hits").size());
    assertEquals("exact", response.get("mode").asText());
    JsonNode top = response.get("hits").get(0);
    assertTrue(top.get("uri").asText().endsWith("garment-11.png"), response.toString());
    assertEquals(0, top.get("hamming").asInt());
  }

  @Test
  void searchPrintsOneLinePerHitAgreeingWithJson(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult text = search(launcher, fixture.query(), "-k", "3", "--mode", "dense");
    assertEquals(0, text.exitCode(), text.getErrorOutput());
    List<String> lines = text.getOutput().lines().filter(l -> !l.isBlank()).toList();
    assertTrue(lines.get(0).startsWith("3 hits (dense, "), text.getOutput());
    assertEquals(4, lines.size(), text.getOutput());
    JsonNode json =
        JSON.readTree(
            search(launcher, fixture.query(), "-k", "3", "--mode", "dense", "--json").getOutput());
    for (int i = 0; i < 3; i++) {
      String id = json.get("hits").get(i).get("id").asText();
      assertTrue(lines.get(i + 1).matches("\\s*" + (i + 1) + "\\s+" + id + "\\s.*"), lines.get(i));
    }
    assertTrue(lines.get(1).endsWith("garment-11.png"), lines.get(1));
  }

  @Test
  void searchErrorsNameTheFileWithoutAStackTrace(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult missing = search(launcher, dir.resolve("nope.png"));
    assertEquals(1, missing.exitCode());
    assertTrue(missing.getErrorOutput().contains("nope.png"), missing.getErrorOutput());
    LaunchResult text = search(launcher, fixture.mixed().resolve("nested/notes.png"));
    assertEquals(1, text.exitCode());
    assertTrue(text.getErrorOutput().contains("notes.png"), text.getErrorOutput());
    assertFalse(
        text.getErrorOutput().contains("Exception"), "no stack trace: " + text.getErrorOutput());
  }

  @Test
  void loadCommandsRefuseBadCountsBeforeSendingAnything(QuarkusMainLauncher launcher)
      throws IOException {
    Path index = dir.resolve("kill-index");
    LaunchResult kill =
        launcher.launch(
            "killtest", fixture.query().toString(), "--index", index.toString(), "--rounds", "0");
    assertEquals(1, kill.exitCode());
    assertTrue(
        kill.getErrorOutput().contains("rounds and uploaders must be positive, got 0 and 8"),
        kill.getErrorOutput());
    assertFalse(Files.exists(index), "no server was started");

    LaunchResult bench =
        launcher.launch(
            "bench", fixture.query().toString(), "--url", "http://127.0.0.1:9", "--images", "0");
    assertEquals(1, bench.exitCode());
    assertTrue(
        bench.getErrorOutput().contains("--images must be positive, got 0"),
        bench.getErrorOutput());
  }

  @Test
  void augmentWritesVariantsWithATrainedVae(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult trainVae = fixture.vaeTraining(launcher);
    assertEquals(0, trainVae.exitCode(), trainVae.getErrorOutput());
    assertTrue(trainVae.getOutput().contains("ELBO"), trainVae.getOutput());
    Path vae = fixture.vae(launcher);
    assertTrue(Files.readString(vae.resolve("model.json")).contains("conv-vae"));
    Path variants = dir.resolve("variants");
    LaunchResult augment =
        launcher.launch(
            "augment",
            fixture.query().toString(),
            "-n",
            "3",
            "--vae",
            vae.toString(),
            "--out",
            variants.toString(),
            "--seed",
            CliFixture.SEED);
    assertEquals(0, augment.exitCode(), augment.getErrorOutput());
    try (Stream<Path> files = Files.list(variants)) {
      assertEquals(3, files.filter(p -> p.toString().endsWith(".png")).count());
    }
  }

  @Test
  void evaluateReportsEveryMethodWithAFiniteMap(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult evaluate =
        launcher.launch(
            "evaluate",
            "--data-dir",
            fixture.fashionMnist().toString(),
            "--model",
            fixture.model(launcher).toString(),
            "--queries",
            "30",
            "--json",
            "--expand",
            "2",
            "--vae",
            fixture.vae(launcher).toString(),
            "--bits",
            "64",
            "--aqe",
            "5:3",
            "--seed",
            CliFixture.SEED);
    assertEquals(0, evaluate.exitCode(), evaluate.getErrorOutput());
    List<JsonNode> methods = new ArrayList<>();
    for (String line : evaluate.getOutput().lines().filter(l -> l.startsWith("{")).toList()) {
      methods.add(JSON.readTree(line));
    }
    List<String> names = methods.stream().map(m -> m.get("method").asText()).toList();
    for (String expected :
        List.of(
            "raw pixels L2",
            "PCA-16 L2",
            "PCA-ITQ 32 bits",
            "DAE dense exact (cosine)",
            "DAE 32-bit ITQ Hamming",
            "DAE dense (Lucene)",
            "DAE hash (Lucene)",
            "DAE hybrid (Lucene)",
            "DAE diffusion (Lucene)",
            "DAE diffusion (Lucene, k=10)",
            "DAE dense exact + VAE expansion (n=2, T=0.5)",
            "PCA-ITQ 64 bits",
            "DAE 64-bit ITQ Hamming",
            "DAE dense exact + αQE (depth 5, α 3.0)")) {
      assertTrue(names.contains(expected), expected + " missing from " + names);
    }
    for (JsonNode m : methods) {
      if (m.get("method").asText().endsWith(", k=10)")) { // served rows: P@10 and time only
        assertTrue(m.get("msPerQueryAt10").asDouble() > 0, "timed: " + m);
        assertTrue(m.get("precisionAt10").asDouble() > 0, "P@10: " + m);
        continue;
      }
      JsonNode map = m.get("mapAt1000");
      assertTrue(map.isNumber(), "mAP is a number: " + m);
      double value = map.asDouble();
      assertTrue(Double.isFinite(value) && value > 0 && value <= 1, "mAP in (0, 1]: " + m);
    }
  }
}
