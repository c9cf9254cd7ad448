package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookalike.api.SampleImages;
import dev.lookalike.collection.SampleCollection;
import dev.lookalike.dataset.LabeledImages;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * What the CLI tests share, each made once on first use: a folder of 60 garments, the same folder
 * with three bad files in it, a tiny model and a tiny VAE trained on it, an index of it, and a tiny
 * Fashion-MNIST in the Debian package's IDX layout. Training is the slow part, so it runs once per
 * test class rather than once per test.
 */
final class CliFixture {

  static final int GARMENTS = 60;
  static final String SEED = "42";

  private final Path dir;
  private LaunchResult training;
  private LaunchResult indexing;
  private LaunchResult vaeTraining;

  CliFixture(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** A folder of {@value #GARMENTS} sample PNGs, one level down (folders are walked). */
  Path garments() throws IOException {
    Path root = dir.resolve("garments");
    if (!Files.exists(root)) {
      writeGarments(Files.createDirectories(root.resolve("nested")));
    }
    return root;
  }

  /** The same garments beside a corrupt PNG, a text file named .png and an empty file. */
  Path mixed() throws IOException {
    Path root = dir.resolve("mixed");
    if (!Files.exists(root)) {
      Path nested = Files.createDirectories(root.resolve("nested"));
      writeGarments(nested);
      byte[] png = SampleImages.png(99);
      Files.write(nested.resolve("corrupt.png"), Arrays.copyOf(png, png.length / 2));
      Files.writeString(nested.resolve("notes.png"), "this is text, not an image");
      Files.write(nested.resolve("empty.png"), new byte[0]);
    }
    return root;
  }

  /** The garment the search tests look for. */
  Path query() throws IOException {
    return mixed().resolve("nested/garment-11.png");
  }

  private static void writeGarments(Path folder) throws IOException {
    for (int i = 0; i < GARMENTS; i++) {
      Files.write(folder.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
  }

  /** The tiny autoencoder's training run (2 epochs, 16 latents, 32 bits). */
  LaunchResult training(QuarkusMainLauncher launcher) throws IOException {
    if (training == null) {
      training =
          launcher.launch(
              "train",
              "--data",
              garments().toString(),
              "--out",
              model().toString(),
              "--epochs",
              "2",
              "--latent",
              "16",
              "--bits",
              "32",
              "--batch",
              "16",
              "--noise",
              "saltpepper:0.1",
              "--seed",
              SEED);
    }
    return training;
  }

  Path model() {
    return dir.resolve("model");
  }

  /** The trained tiny model's directory. */
  Path model(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult result = training(launcher);
    assertEquals(0, result.exitCode(), result.getErrorOutput());
    return model();
  }

  /** The tiny VAE's training run (4 latents, 4 filters, 2 epochs). */
  LaunchResult vaeTraining(QuarkusMainLauncher launcher) throws IOException {
    if (vaeTraining == null) {
      vaeTraining =
          launcher.launch(
              "train",
              "--variant",
              "vae",
              "--data",
              garments().toString(),
              "--out",
              dir.resolve("vae").toString(),
              "--epochs",
              "2",
              "--latent",
              "4",
              "--filters",
              "4",
              "--batch",
              "16",
              "--beta",
              "2",
              "--seed",
              SEED);
    }
    return vaeTraining;
  }

  /** The trained tiny VAE's directory. */
  Path vae(QuarkusMainLauncher launcher) throws IOException {
    LaunchResult result = vaeTraining(launcher);
    assertEquals(0, result.exitCode(), result.getErrorOutput());
    return dir.resolve("vae");
  }

  Path index() {
    return dir.resolve("index");
  }

  /** The first indexing of the mixed folder with the tiny model. */
  LaunchResult indexing(QuarkusMainLauncher launcher) throws IOException {
    if (indexing == null) {
      indexing = indexMixed(launcher);
    }
    return indexing;
  }

  /** Indexes the mixed folder (again). */
  LaunchResult indexMixed(QuarkusMainLauncher launcher) throws IOException {
    return launcher.launch(
        "index",
        mixed().toString(),
        "--index",
        index().toString(),
        "--model",
        model(launcher).toString());
  }

  /** The index of the mixed folder, made on first use. */
  Path index(QuarkusMainLauncher launcher) throws IOException {
    indexing(launcher);
    return index();
  }

  /** 400 training and 100 test images from the bundled sample, in the IDX layout of Debian's. */
  Path fashionMnist() throws IOException {
    Path data = dir.resolve("fmnist");
    if (!Files.exists(data)) {
      Files.createDirectories(data);
      LabeledImages sample = SampleCollection.load();
      writeSplit(data, "train", sample, 0, 400);
      writeSplit(data, "t10k", sample, 400, 500);
    }
    return data;
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
    return new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)));
  }
}
