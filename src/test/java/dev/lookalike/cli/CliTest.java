package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.api.SampleImages;
import dev.lookalike.collection.SampleCollection;
import dev.lookalike.dataset.LabeledImages;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end: train a tiny model, index a folder with bad files in it, search, evaluate.
 */
@QuarkusMainTest
@TestProfile(CliTestProfile.class)
class CliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void trainIndexSearchAndEvaluate(QuarkusMainLauncher launcher, @TempDir Path dir)
      throws IOException {
    Path images = Files.createDirectories(dir.resolve("images/nested"));
    for (int i = 0; i < 60; i++) {
      Files.write(images.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
    Path model = dir.resolve("model");
    LaunchResult train =
        launcher.launch(
            "train",
            "--data",
            images.getParent().toString(),
            "--out",
            model.toString(),
            "--epochs",
            "2",
            "--latent",
            "16",
            "--bits",
            "32",
            "--batch",
            "16",
            "--noise",
            "saltpepper:0.1");
    assertEquals(0, train.exitCode(), train.getErrorOutput());
    assertTrue(train.getOutput().contains("training on 60 images"), train.getOutput());
    assertTrue(train.getOutput().contains("epoch   2"), train.getOutput());
    String manifest = Files.readString(model.resolve("model.json"));
    assertTrue(manifest.contains("\"command\" : \"lookalike train --data"), manifest);
    assertTrue(manifest.contains("saltpepper:0.1"), manifest);

    // three bad files beside the good ones: corrupt, text renamed .png, zero bytes
    byte[] png = SampleImages.png(99);
    Files.write(images.resolve("corrupt.png"), java.util.Arrays.copyOf(png, png.length / 2));
    Files.writeString(images.resolve("notes.png"), "this is text, not an image");
    Files.write(images.resolve("empty.png"), new byte[0]);
    Path index = dir.resolve("index");
    LaunchResult first =
        launcher.launch(
            "index",
            images.getParent().toString(),
            "--index",
            index.toString(),
            "--model",
            model.toString());
    assertEquals(2, first.exitCode(), "failures give exit code 2: " + first.getOutput());
    String report = first.getOutput();
    assertTrue(report.contains("added 60, already indexed 0, failed 3"), report);
    for (String bad : List.of("corrupt.png", "notes.png", "empty.png")) {
      assertTrue(
          report.lines().anyMatch(l -> l.contains("failed") && l.contains(bad)),
          bad + " not named: " + report);
    }
    assertTrue(report.contains("images/s"), report);

    LaunchResult second =
        launcher.launch(
            "index",
            images.getParent().toString(),
            "--index",
            index.toString(),
            "--model",
            model.toString());
    assertTrue(second.getOutput().contains("added 0, already indexed 60"), second.getOutput());
    assertTrue(second.getOutput().contains("now holds 60 images"), second.getOutput());

    Path query = images.resolve("garment-11.png");
    LaunchResult search =
        launcher.launch(
            "search",
            query.toString(),
            "--index",
            index.toString(),
            "--model",
            model.toString(),
            "-k",
            "5",
            "--mode",
            "exact",
            "--json");
    assertEquals(0, search.exitCode(), search.getErrorOutput());
    JsonNode response = JSON.readTree(search.getOutput());
    assertEquals(5, response.get("hits").size());
    assertEquals("exact", response.get("mode").asText());
    assertTrue(
        response.get("hits").get(0).get("uri").asText().endsWith("garment-11.png"),
        response.toString());
    assertEquals(0, response.get("hits").get(0).get("hamming").asInt());

    LaunchResult missing =
        launcher.launch(
            "search",
            dir.resolve("nope.png").toString(),
            "--index",
            index.toString(),
            "--model",
            model.toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.getErrorOutput().contains("nope.png"), missing.getErrorOutput());
    LaunchResult text =
        launcher.launch(
            "search",
            images.resolve("notes.png").toString(),
            "--index",
            index.toString(),
            "--model",
            model.toString());
    assertEquals(1, text.exitCode());
    assertTrue(text.getErrorOutput().contains("notes.png"), text.getErrorOutput());
    assertTrue(
        !text.getErrorOutput().contains("Exception"), "no stack trace: " + text.getErrorOutput());

    Path vae = dir.resolve("vae");
    LaunchResult trainVae =
        launcher.launch(
            "train",
            "--variant",
            "vae",
            "--data",
            images.getParent().toString(),
            "--out",
            vae.toString(),
            "--epochs",
            "2",
            "--latent",
            "4",
            "--filters",
            "4",
            "--batch",
            "16",
            "--beta",
            "2");
    assertEquals(0, trainVae.exitCode(), trainVae.getErrorOutput());
    assertTrue(trainVae.getOutput().contains("ELBO"), trainVae.getOutput());
    assertTrue(Files.readString(vae.resolve("model.json")).contains("conv-vae"));
    LaunchResult augment =
        launcher.launch(
            "augment",
            query.toString(),
            "-n",
            "3",
            "--vae",
            vae.toString(),
            "--out",
            dir.resolve("variants").toString());
    assertEquals(0, augment.exitCode(), augment.getErrorOutput());
    assertEquals(
        3, Files.list(dir.resolve("variants")).filter(p -> p.toString().endsWith(".png")).count());

    Path data = writeTinyFashionMnist(dir.resolve("fmnist"));
    LaunchResult evaluate =
        launcher.launch(
            "evaluate",
            "--data-dir",
            data.toString(),
            "--model",
            model.toString(),
            "--queries",
            "30",
            "--latency-queries",
            "10",
            "--json",
            "--expand",
            "2",
            "--vae",
            vae.toString(),
            "--bits",
            "64",
            "--aqe",
            "5:3");
    assertEquals(0, evaluate.exitCode(), evaluate.getErrorOutput());
    List<JsonNode> methods = new ArrayList<>();
    for (String line : evaluate.getOutput().lines().filter(l -> l.startsWith("{")).toList()) {
      methods.add(JSON.readTree(line));
    }
    Set<String> names =
        methods.stream().map(m -> m.get("method").asText()).collect(Collectors.toSet());
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
            "DAE dense exact + VAE expansion (n=2, T=0.5)",
            "PCA-ITQ 64 bits",
            "DAE 64-bit ITQ Hamming",
            "DAE dense exact + αQE (depth 5, α 3.0)")) {
      assertTrue(names.contains(expected), expected + " missing from " + names);
    }
    for (JsonNode m : methods) {
      double map = m.get("mapAt1000").asDouble(Double.NaN);
      assertTrue(Double.isNaN(map) || (map > 0.1 && map <= 1.0), m.toString());
    }

    // model selection: a model trained on the whole training split, with every regulariser and VAE
    // variants
    // mixed in, is evaluated on the images it held out, never on the test split
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
            "--sparse",
            "l1:0.01",
            "--batchnorm",
            "--augment",
            "vae:" + vae + ":0.5");
    assertEquals(0, regularised.exitCode(), regularised.getErrorOutput());
    String selectedManifest = Files.readString(selected.resolve("model.json"));
    assertTrue(
        selectedManifest.contains(
            "mse + sparse=l1:0.01 + contractive=0.01 + invariance=0.5 + bit-balance=1.0"),
        selectedManifest);
    assertTrue(selectedManifest.contains("\"codeLayer\" : \"binary:4.0\""), selectedManifest);
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
            "--no-index");
    assertEquals(0, validation.exitCode(), validation.getErrorOutput());
    assertTrue(
        validation.getOutput().contains("split=validation database=300 queries=50"),
        validation.getOutput());
    assertTrue(validation.getOutput().contains("DAE 16-bit UNITS Hamming"), validation.getOutput());
    assertEquals(
        1,
        validation
            .getOutput()
            .lines()
            .filter(l -> l.startsWith("latent spectrum: first principal"))
            .count(),
        validation.getOutput());
    LaunchResult unknownSplit =
        launcher.launch(
            "evaluate",
            "--data-dir",
            data.toString(),
            "--model",
            model.toString(),
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

  /**
   * 400 training and 100 test images from the bundled sample, in the IDX layout of the Debian
   * package.
   */
  static Path writeTinyFashionMnist(Path dir) throws IOException {
    Files.createDirectories(dir);
    LabeledImages sample = SampleCollection.load();
    writeSplit(dir, "train", sample, 0, 400);
    writeSplit(dir, "t10k", sample, 400, 500);
    return dir;
  }

  private static void writeSplit(Path dir, String prefix, LabeledImages sample, int from, int to)
      throws IOException {
    try (DataOutputStream images = gz(dir.resolve(prefix + "-images-idx3-ubyte.gz"));
        DataOutputStream labels = gz(dir.resolve(prefix + "-labels-idx1-ubyte.gz"))) {
      images.writeInt(0x0803);
      images.writeInt(to - from);
      images.writeInt(28);
      images.writeInt(28);
      labels.writeInt(0x0801);
      labels.writeInt(to - from);
      for (int i = from; i < to; i++) {
        for (float v : sample.images().get(i).pixels()) {
          images.writeByte(Math.round(v * 255));
        }
        labels.writeByte(sample.labels()[i]);
      }
    }
  }

  private static DataOutputStream gz(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return new DataOutputStream(new GZIPOutputStream(out));
  }
}
