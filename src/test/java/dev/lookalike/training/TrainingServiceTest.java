package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.encoder.Devices;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.encoder.VaeManifest;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.training.objective.ViewSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work behind {@code lookalike train}, without Quarkus or picocli. */
class TrainingServiceTest {

  private static TrainPlan plan(
      Path data, Path out, Variant variant, String noise, Integer maxImages, ObjectiveOptions o) {
    return new TrainPlan(
        new DataSource(data.toString()),
        null,
        out,
        variant,
        16,
        1,
        8,
        4,
        ConvAutoencoder.DEFAULT_DEPTH,
        8,
        BinarizerMethod.ITQ,
        DenseCode.DEFAULT,
        false,
        CodeLayer.LINEAR,
        1,
        8,
        0.003f,
        LearningRateSchedule.DEFAULT,
        0.25,
        7,
        noise,
        maxImages,
        o,
        1f,
        0,
        null,
        "lookalike train (test)");
  }

  private static Path folder(Path dir, int images) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images/nested"));
    for (int i = 0; i < images; i++) {
      Files.write(folder.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
    Files.writeString(folder.resolve("notes.png"), "this is text, not an image");
    Files.writeString(folder.resolve("readme.txt"), "not an image extension");
    return folder.getParent();
  }

  @Test
  void trainsOnTheDecodableFilesOfAFolderAndReportsTheOthers(@TempDir Path dir) throws IOException {
    Path data = folder(dir, 24);
    List<String> log = new ArrayList<>();
    List<Path> skipped = new ArrayList<>();
    TrainingService service = new TrainingService(log::add, (file, why) -> skipped.add(file));

    var result =
        service.train(
            plan(data, dir.resolve("model"), Variant.DAE, null, null, ObjectiveOptions.NONE));

    assertEquals(List.of(data.resolve("nested/notes.png")), skipped, "only the undecodable .png");
    ModelManifest manifest = (ModelManifest) result.manifest();
    assertEquals(24, manifest.training().trainImages() + manifest.training().validationImages());
    assertEquals(TrainPlan.DEFAULT_NOISE, manifest.noise(), "the DAE's default corruption");
    assertEquals("size and channels as given", manifest.training().input(), "in model.json");
    assertTrue(log.get(0).startsWith("training on 24 images of " + data), log.get(0));
    // the step ran on the device DJL reports, and the run says which
    assertTrue(log.get(0).endsWith(", on " + Devices.preferred()), log.get(0));
    assertEquals(Devices.preferred().toString(), manifest.training().device());
    assertEquals(LearningRateSchedule.DEFAULT.id(), manifest.training().schedule());
    assertTrue(log.get(1).startsWith("epoch   1  train loss"), log.get(1));
    assertTrue(log.get(2).startsWith("wrote " + dir.resolve("model")), log.get(2));
    assertTrue(Files.isRegularFile(dir.resolve("model").resolve(ModelFiles.MANIFEST)));
  }

  @Test
  void maxImagesTrainsOnASeededSampleAndTheVaeIsCleanByDefault(@TempDir Path dir)
      throws IOException {
    Path data = folder(dir, 20);
    List<String> log = new ArrayList<>();
    TrainingService service = new TrainingService(log::add, (file, why) -> {});

    var result =
        service.train(plan(data, dir.resolve("vae"), Variant.VAE, null, 12, ObjectiveOptions.NONE));

    VaeManifest manifest = (VaeManifest) result.manifest();
    assertEquals(12, manifest.training().trainImages() + manifest.training().validationImages());
    assertEquals("none", manifest.training().noise(), "a VAE trains on clean images by default");
    assertTrue(log.get(0).startsWith("training a VAE (β = 1.0) on 12 images"), log.get(0));
    assertTrue(log.get(1).contains("ELBO"), log.get(1));
  }

  @Test
  void badRequestsAreRefusedBeforeAnyImageIsLoaded(@TempDir Path dir) throws IOException {
    TrainingService service = new TrainingService(line -> {}, (file, why) -> {});
    Path missing = dir.resolve("no-such-folder");
    ObjectiveOptions badSparsity =
        new ObjectiveOptions("zz:1", 0, 0, null, null, null, 0, ViewSettings.WEAK, null, 1f);
    IllegalArgumentException sparse =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                service.train(
                    plan(missing, dir.resolve("m"), Variant.DAE, null, null, badSparsity)));
    assertTrue(sparse.getMessage().contains("sparsity"), sparse.getMessage());
    IllegalArgumentException noise =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                service.train(
                    plan(
                        missing,
                        dir.resolve("m"),
                        Variant.DAE,
                        "blur:1",
                        null,
                        ObjectiveOptions.NONE)));
    assertTrue(noise.getMessage().contains("blur"), noise.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ObjectiveOptions(null, -1, 0, null, null, null, 0, ViewSettings.WEAK, null, 1f));

    Path empty = Files.createDirectories(dir.resolve("empty"));
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                service.train(
                    plan(empty, dir.resolve("m"), Variant.DAE, null, null, ObjectiveOptions.NONE)));
    assertTrue(none.getMessage().contains("no trainable images"), none.getMessage());
    assertFalse(Files.exists(dir.resolve("m")), "nothing written");
  }

  @Test
  void variantsParseIgnoringCaseAndRefuseOthersByName() {
    assertEquals(Variant.VAE, Variant.parse(" VaE "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("gan"));
    assertTrue(e.getMessage().contains("gan"), e.getMessage());
  }
}
