package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Choosing between models on the validation split: a model records which images it held out, and
 * {@code evaluate --split validation} queries with exactly those, or refuses when it cannot know
 * them.
 */
@QuarkusMainTest
@TestProfile(CliTestProfile.class)
class CliValidationSplitTest {

  @TempDir static Path dir;

  private static CliFixture fixture;

  @BeforeAll
  static void fixture() {
    fixture = new CliFixture(dir);
  }

  @Test
  void aRegularisedModelIsEvaluatedOnTheImagesItHeldOut(QuarkusMainLauncher launcher)
      throws IOException {
    Path data = fixture.fashionMnist();
    Path selected = dir.resolve("selected");
    LaunchResult regularised =
        launcher.launch(
            "train",
            "--data",
            "fashion-mnist:train",
            "--data-dir",
            data.toString(),
            "--out",
            selected.toString(),
            "--epochs",
            "1",
            "--batch",
            "32",
            "--validation",
            "0.25",
            "--latent",
            "16",
            "--bits",
            "16",
            "--code-layer",
            "binary:4",
            "--binarizer",
            "units",
            "--bit-balance",
            "1",
            "--invariance",
            "0.5",
            "--contractive",
            "0.01",
            "--neighbour-positives",
            "0.5:100",
            "--sparse",
            "l1:0.01",
            "--batchnorm",
            "--augment",
            "vae:" + fixture.vae(launcher) + ":0.5",
            "--seed",
            CliFixture.SEED);
    assertEquals(0, regularised.exitCode(), regularised.getErrorOutput());
    String manifest = Files.readString(selected.resolve("model.json"));
    assertTrue(
        manifest.contains(
            // contrastive is on by default; the others are asked for
            "mse + sparse=l1:0.01 + contractive=0.01 + invariance=0.5 + contrastive=1.0:0.2"
                + " + neighbours=0.5:100 + bit-balance=1.0"),
        manifest);
    assertTrue(manifest.contains("\"codeLayer\" : \"binary:4.0\""), manifest);
    LaunchResult validation =
        launcher.launch(
            "evaluate",
            "--data-dir",
            data.toString(),
            "--model",
            selected.toString(),
            "--split",
            "validation",
            "--queries",
            "50",
            "--no-index",
            "--seed",
            CliFixture.SEED);
    String output = validation.getOutput();
    assertEquals(0, validation.exitCode(), validation.getErrorOutput());
    assertTrue(output.contains("split=validation database=300 queries=50"), output);
    assertTrue(output.contains("DAE 16-bit UNITS Hamming"), output);
    assertEquals(
        1, output.lines().filter(l -> l.startsWith("latent spectrum: first principal")).count());
  }

  @Test
  void theValidationSplitOfAFolderModelIsARefusal(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult unknownSplit =
        launcher.launch(
            "evaluate",
            "--data-dir",
            fixture.fashionMnist().toString(),
            "--model",
            fixture.model(launcher).toString(),
            "--split",
            "validation",
            "--queries",
            "50",
            "--no-index");
    assertEquals(1, unknownSplit.exitCode());
    assertTrue(
        unknownSplit.getErrorOutput().contains("trained on 60 images"),
        unknownSplit.getErrorOutput());
  }
}
