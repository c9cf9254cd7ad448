package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} without Quarkus, as the GPU bundle runs it ({@code src/main/scripts/device}): the
 * same command writes a model that loads, and refuses a bad option as the CLI does.
 */
class StandaloneTrainTest {

  @Test
  void trainsAModelThatLoadsAndRefusesABadDevice(@TempDir Path dir) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < 24; i++) {
      Files.write(images.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
    Path model = dir.resolve("model");

    int status =
        StandaloneTrain.run(
            "--data",
            images.toString(),
            "--out",
            model.toString(),
            "--epochs",
            "1",
            "--size",
            "16",
            "--latent",
            "8",
            "--bits",
            "16",
            "--device",
            "cpu");

    assertEquals(0, status);
    assertTrue(Files.isRegularFile(model.resolve(ModelFiles.MANIFEST)));
    try (CodeModel loaded = CodeModel.load(ModelSource.directory(model))) {
      assertEquals(16, loaded.spec().size());
      assertEquals("cpu()", loaded.manifest().training().device());
    }
    assertNotEquals(
        0,
        StandaloneTrain.run(
            "--data", images.toString(), "--out", model.toString(), "--device", "tpu"));
  }
}
