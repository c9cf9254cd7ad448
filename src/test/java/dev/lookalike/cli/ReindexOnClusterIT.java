package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.api.SampleImages;
import dev.lookalike.index.opensearch.TestCluster;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reindex} without a server on {@code lookalike.engine=opensearch}: the collection moves to
 * a new model in a new cluster index, the alias follows, and {@code search} then loads the model
 * the alias's index records.
 */
@QuarkusMainTest
@TestProfile(ReindexOnClusterIT.OnCluster.class)
class ReindexOnClusterIT {

  static final String INDEX = "cli-reindex-" + ProcessHandle.current().pid();

  public static class OnCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(new CliTestProfile().getConfigOverrides());
      config.putAll(TestCluster.running().engineConfig(INDEX));
      return config;
    }
  }

  @TempDir Path dir;

  @Test
  void reindexMovesTheAliasAndSearchLoadsTheNewModel(QuarkusMainLauncher launcher)
      throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < 40; i++) {
      Files.write(images.resolve(String.format("img-%03d.png", i)), SampleImages.png(i));
    }
    LaunchResult indexed = launcher.launch("index", images.toString());
    assertEquals(0, indexed.exitCode(), indexed.getErrorOutput());
    Path model = dir.resolve("new-model");
    LaunchResult train =
        launcher.launch(
            "train",
            "--data",
            images.toString(),
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

    LaunchResult directory =
        launcher.launch(
            "reindex", "--model", model.toString(), "--index", dir.resolve("x").toString());
    assertEquals(2, directory.exitCode());
    assertTrue(
        directory.getErrorOutput().contains("--index names an embedded index"),
        directory.getErrorOutput());

    LaunchResult reindex = launcher.launch("reindex", "--model", model.toString());
    assertEquals(0, reindex.exitCode(), reindex.getErrorOutput());
    assertTrue(
        reindex.getOutput().contains("reindexed 40 images into " + INDEX + "-"),
        reindex.getOutput());
    assertTrue(reindex.getOutput().contains("it is live now"), reindex.getOutput());
    LaunchResult again = launcher.launch("reindex", "--model", model.toString());
    assertEquals(1, again.exitCode());
    assertTrue(
        again.getErrorOutput().contains("is the live model already"), again.getErrorOutput());

    LaunchResult search =
        launcher.launch(
            "search",
            images.resolve("img-017.png").toString(),
            "-k",
            "3",
            "--mode",
            "exact",
            "--json");
    assertEquals(0, search.exitCode(), search.getErrorOutput());
    String top =
        new ObjectMapper().readTree(search.getOutput()).get("hits").get(0).get("uri").asText();
    assertTrue(top.endsWith("img-017.png"), search.getOutput());
  }
}
