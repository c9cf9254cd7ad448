package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Codes;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.training.objective.Corruption;
import dev.lookalike.training.objective.DaeObjective;
import dev.lookalike.training.objective.Penalty;
import dev.lookalike.training.objective.ViewSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a tiny denoising autoencoder for a few steps, writes it, reloads it. */
class ModelTrainingTest {

  private static final ImageSpec SPEC = new ImageSpec(16, 1);

  static ModelTraining.Request request(int epochs, String noise) {
    return new ModelTraining.Request(
        "squares",
        SPEC,
        8,
        4,
        32,
        BinarizerMethod.ITQ,
        new TrainingOptions(epochs, 16, 0.003f, 0.25, 3, Corruption.parse(noise)),
        "test");
  }

  @Test
  void trainsWritesAndReloadsToIdenticalCodes(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(128, 16, 1);
    List<EpochStats> epochs = new ArrayList<>();
    ModelManifest manifest =
        new ModelTraining().train(request(4, "masking:0.2"), images, dir, epochs::add).manifest();

    assertEquals(4, epochs.size());
    assertTrue(
        epochs.get(3).trainLoss() < epochs.get(0).trainLoss(), "training loss falls: " + epochs);
    assertTrue(Double.isFinite(epochs.get(3).validationLoss()));
    assertEquals(96, manifest.training().trainImages());
    assertEquals(32, manifest.training().validationImages());
    assertEquals("masking:0.2", manifest.noise());
    assertTrue(Files.isRegularFile(dir.resolve(ModelFiles.MANIFEST)));
    assertTrue(Files.isRegularFile(dir.resolve(ModelFiles.WEIGHTS)));

    try (CodeModel first = CodeModel.load(ModelSource.directory(dir));
        CodeModel second = CodeModel.load(ModelSource.directory(dir))) {
      assertEquals(first.fingerprint(), second.fingerprint());
      List<Codes> a = first.codes(images.subList(0, 20));
      List<Codes> b = second.codes(images.subList(0, 20));
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).dense(), b.get(i).dense(), 1e-6f);
        assertArrayEquals(a.get(i).bits(), b.get(i).bits());
        assertEquals(1.0, norm(a.get(i).dense()), 1e-5, "dense codes are unit length");
      }
      // batch and single encoding agree, so a query is coded like the indexed images
      assertArrayEquals(a.get(7).dense(), first.codes(images.get(7)).dense(), 1e-5f);
      assertEquals(1, a.get(0).bits().length);
      assertNotEquals(a.get(0).bits()[0], a.get(1).bits()[0], "different squares, different codes");
    }
  }

  @Test
  void aMissingOrBrokenModelIsAClearError(@TempDir Path dir) throws IOException {
    UncheckedIOException missing =
        assertThrows(UncheckedIOException.class, () -> CodeModel.load(ModelSource.directory(dir)));
    assertTrue(missing.getMessage().contains("model.json"), missing.getMessage());
    Files.writeString(
        dir.resolve(ModelFiles.MANIFEST), "{\"format\": 1, \"architecture\": \"conv-dae\"");
    Files.write(dir.resolve(ModelFiles.WEIGHTS), new byte[] {1, 2, 3});
    UncheckedIOException broken =
        assertThrows(UncheckedIOException.class, () -> CodeModel.load(ModelSource.directory(dir)));
    assertTrue(broken.getMessage().contains("invalid model.json"), broken.getMessage());
  }

  @Test
  void imagesOfTheWrongSizeAreRefusedBeforeTraining(@TempDir Path dir) {
    List<FloatImage> wrong = TinyImages.squares(8, 20, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModelTraining().train(request(1, "none"), wrong, dir, s -> {}));
    assertTrue(e.getMessage().contains("20x20"), e.getMessage());
  }

  @Test
  void trainsWithEveryPenaltyAndABinaryCodeLayer(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(96, 16, 5);
    DaeObjective objective =
        new DaeObjective(
            List.of(
                Penalty.sparse("kl:0.2:0.1"),
                Penalty.contractive(0.001f),
                Penalty.invariance(0.1f),
                Penalty.bitBalance(0.5f)),
            new ViewSettings(1, 0f, true, 0.5f, 0.3f),
            null);
    var request =
        new ModelTraining.Request(
            "squares",
            InputChoice.given(SPEC),
            8,
            4,
            ConvAutoencoder.DEFAULT_DEPTH,
            true,
            CodeLayer.parse("binary:4"),
            8,
            BinarizerMethod.UNITS,
            DenseCode.DEFAULT,
            new TrainingOptions(2, 16, 0.003f, 0.25, 3, Corruption.parse("gaussian:0.2")),
            objective,
            "test");
    List<EpochStats> epochs = new ArrayList<>();
    ModelManifest manifest =
        new ModelTraining().train(request, images, dir, epochs::add).manifest();

    assertTrue(
        epochs.stream().allMatch(e -> e.trainPenalty() > 0 && Double.isFinite(e.trainLoss())),
        "" + epochs);
    assertEquals("binary:4.0", manifest.codeLayer());
    assertTrue(manifest.batchNorm());
    assertEquals(
        "mse + sparse=kl:0.2:0.1 + contractive=0.001 + invariance=0.1 + bit-balance=0.5"
            + " (views crop 0.5, jitter 0.3, flip)",
        manifest.objective());
    try (CodeModel model = CodeModel.load(ModelSource.directory(dir))) {
      assertEquals(BinarizerMethod.UNITS, model.coder().binarizer().method());
      float[] thresholds = model.coder().binarizer().thresholds();
      for (Codes codes : model.codes(images.subList(0, 10))) {
        for (int bit = 0; bit < 8; bit++) {
          boolean set = (codes.bits()[0] >>> bit & 1L) == 1L;
          assertEquals(
              codes.dense()[bit] > thresholds[bit],
              set,
              "bit " + bit + " is its unit above its median");
        }
      }
    }
  }

  @Test
  void mixesVaeVariantsOfTheSameShapeIntoTheBatches(@TempDir Path dir) throws IOException {
    Path vae = Path.of("src/test/resources/vae-tiny");
    ImageSpec spec = new ImageSpec(28, 1);
    DaeObjective mixing =
        new DaeObjective(
            List.of(), ViewSettings.WEAK, VariantMixing.parse("vae:" + vae + ":0.5", 1f));
    TrainingOptions options =
        new TrainingOptions(1, 16, 0.003f, 0.25, 3, Corruption.parse("gaussian:0.2"));
    var request = smallRequest(spec, BinarizerMethod.ITQ, options, mixing);
    ModelManifest manifest =
        new ModelTraining().train(request, TinyImages.squares(48, 28, 2), dir, s -> {}).manifest();
    assertEquals("mse; augment vae:" + vae + ":0.5 (temperature 1.0)", manifest.objective());

    var wrongShape = smallRequest(SPEC, BinarizerMethod.ITQ, options, mixing);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ModelTraining()
                    .train(
                        wrongShape, TinyImages.squares(48, 16, 2), dir.resolve("other"), s -> {}));
    assertTrue(
        e.getMessage().contains("vae-tiny") && e.getMessage().contains("28"), e.getMessage());
    var unitsMismatch =
        smallRequest(spec, BinarizerMethod.UNITS, options, DaeObjective.RECONSTRUCTION);
    IllegalArgumentException units =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ModelTraining()
                    .train(
                        unitsMismatch,
                        TinyImages.squares(16, 28, 2),
                        dir.resolve("units"),
                        s -> {}));
    assertTrue(units.getMessage().contains("--bits equal to --latent"), units.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VariantMixing.parse("vae:" + vae, 1f));
    assertThrows(
        IllegalArgumentException.class, () -> VariantMixing.parse("gan:" + vae + ":0.5", 1f));
    assertThrows(
        IllegalArgumentException.class, () -> VariantMixing.parse("vae:" + vae + ":9", 1f));
  }

  @Test
  void theShippedModelLoadsFromTheClasspath() {
    try (CodeModel shipped = CodeModel.load(ModelSource.shipped())) {
      assertEquals(new ImageSpec(28, 1), shipped.spec());
      assertEquals(64, shipped.manifest().latent());
      assertEquals(16, shipped.fingerprint().length());
      assertEquals(
          shipped.manifest().bits(),
          shipped.codes(TinyImages.squares(1, 28, 3).get(0)).bits().length * 64);
    }
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** A latent-8, 32-bit request with the given input, binarizer, options and objective. */
  private static ModelTraining.Request smallRequest(
      ImageSpec spec, BinarizerMethod binarizer, TrainingOptions options, DaeObjective objective) {
    return new ModelTraining.Request(
        "squares",
        InputChoice.given(spec),
        8,
        4,
        ConvAutoencoder.DEFAULT_DEPTH,
        false,
        CodeLayer.LINEAR,
        32,
        binarizer,
        DenseCode.DEFAULT,
        options,
        objective,
        "test");
  }
}
