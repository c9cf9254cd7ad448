package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.app.LivePointer;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reindex} without a server: the collection moves to a new model in a new index beside the
 * old one, and {@code search} on the same index directory answers with the new model after it.
 */
@QuarkusMainTest
@TestProfile(CliTestProfile.class)
class ReindexCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static CliFixture fixture;

  @BeforeAll
  static void fixture() {
    fixture = new CliFixture(dir);
  }

  @Test
  void reindexMovesTheCollectionAndSearchFollowsTheSwitch(QuarkusMainLauncher launcher)
      throws IOException {
    Path index = fixture.index(launcher);
    Path model = dir.resolve("new-model");
    LaunchResult train =
        launcher.launch(
            "train",
            "--data",
            fixture.garments().toString(),
            "--out",
            model.toString(),
            "--size",
            "16",
            "--epochs",
            "1",
            "--latent",
            "8",
            "--bits",
            "16",
            "--seed",
            "5");
    assertEquals(0, train.exitCode(), train.getErrorOutput());
    // a file deleted since it was indexed: its thumbnail stands in
    Files.delete(fixture.mixed().resolve("nested/garment-59.png"));

    LaunchResult missing =
        launcher.launch(
            "reindex", "--model", dir.resolve("nope").toString(), "--index", index.toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.getErrorOutput().contains("no model in"), missing.getErrorOutput());

    LaunchResult reindex =
        launcher.launch("reindex", "--model", model.toString(), "--index", index.toString());
    assertEquals(0, reindex.exitCode(), reindex.getErrorOutput());
    assertTrue(
        reindex.getOutput().contains("reindexed 60 images into " + index + "."),
        reindex.getOutput());
    assertTrue(
        reindex.getOutput().contains("(59 from their source, 1 from their thumbnail"),
        reindex.getOutput());

    LivePointer pointer = LivePointer.read(index).orElseThrow();
    assertEquals(model.toAbsolutePath(), pointer.model());

    LaunchResult search =
        launcher.launch(
            "search",
            fixture.query().toString(),
            "--index",
            index.toString(),
            "-k",
            "3",
            "--mode",
            "exact",
            "--json");
    assertEquals(0, search.exitCode(), search.getErrorOutput());
    JsonNode top = JSON.readTree(search.getOutput()).get("hits").get(0);
    assertTrue(top.get("uri").asText().endsWith("garment-11.png"), search.getOutput());

    LaunchResult again =
        launcher.launch("reindex", "--model", model.toString(), "--index", index.toString());
    assertEquals(1, again.exitCode());
    assertTrue(
        again.getErrorOutput().contains("is the live model already"), again.getErrorOutput());

    // the same network with other codes: a new model, so a new index
    Path recoded = dir.resolve("recoded");
    LaunchResult unknown =
        launcher.launch(
            "recode",
            "--model",
            model.toString(),
            "--out",
            recoded.toString(),
            "--dense-code",
            "x");
    assertEquals(2, unknown.exitCode());
    assertTrue(
        unknown.getErrorOutput().contains("expected one of unit, whitened"),
        unknown.getErrorOutput());
    LaunchResult recode =
        launcher.launch(
            "recode",
            "--model",
            model.toString(),
            "--out",
            recoded.toString(),
            "--dense-code",
            "unit",
            "--bits",
            "32");
    assertEquals(0, recode.exitCode(), recode.getErrorOutput());
    assertTrue(
        recode.getOutput().contains("dense code unit, 32-bit ITQ, fitted on 60 images"),
        recode.getOutput());
    JsonNode manifest = JSON.readTree(recoded.resolve("model.json").toFile());
    assertEquals(32, manifest.get("bits").asInt());
    assertTrue(manifest.get("dense").isNull(), manifest.toString());
    assertTrue(manifest.get("command").asText().endsWith("--bits 32"), manifest.toString());
    LaunchResult moved =
        launcher.launch("reindex", "--model", recoded.toString(), "--index", index.toString());
    assertEquals(0, moved.exitCode(), moved.getErrorOutput());
    assertEquals(
        recoded.toAbsolutePath(), LivePointer.read(index).orElseThrow().model(), "switched again");
  }
}
