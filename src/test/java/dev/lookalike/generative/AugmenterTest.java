package dev.lookalike.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.encoder.ModelSource;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.image.FloatImage;
import dev.lookalike.training.TinyImages;
import dev.lookalike.training.VaeTraining;
import dev.lookalike.training.VaeTrainingTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Augments, interpolates and samples with a tiny VAE trained once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AugmenterTest {

  private final List<FloatImage> images = TinyImages.squares(96, 16, 5);
  private Path dir;
  private VaeModel model;
  private Augmenter augmenter;

  @BeforeAll
  void train() throws IOException {
    dir = Files.createTempDirectory("vae-augmenter");
    new VaeTraining().train(VaeTrainingTest.request(3, 1f, 2), images, dir, s -> {});
    model = VaeModel.load(ModelSource.directory(dir));
    augmenter = new Augmenter(model);
  }

  @AfterAll
  void close() throws IOException {
    model.close();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  @Test
  void augmentIsDeterministicForASeedAndDiffersAcrossSeeds() {
    FloatImage image = images.get(0);
    List<FloatImage> first = augmenter.augment(image, 4, 1f, 42);
    List<FloatImage> again = augmenter.augment(image, 4, 1f, 42);
    List<FloatImage> other = augmenter.augment(image, 4, 1f, 43);
    assertEquals(4, first.size());
    assertEquals(first, again, "same seed, same images");
    assertNotEquals(first, other, "another seed, other images");
    assertNotEquals(first.get(0), first.get(1), "the n images differ from each other");
    for (FloatImage augmented : first) {
      assertTrue(augmented.matches(model.spec()));
      assertInRange(augmented);
    }
  }

  @Test
  void temperatureZeroDecodesTheMean() {
    FloatImage image = images.get(1);
    FloatImage mean = model.decode(model.encode(image).mean());
    List<FloatImage> copies = augmenter.augment(image, 3, 0f, 7);
    assertEquals(3, copies.size());
    for (FloatImage copy : copies) {
      assertArrayEquals(mean.pixels(), copy.pixels(), 1e-6f);
      assertArrayEquals(copies.get(0).pixels(), copy.pixels(), 1e-6f);
    }
  }

  @Test
  void interpolationStartsAndEndsAtTheTwoMeans() {
    FloatImage a = images.get(2);
    FloatImage b = images.get(3);
    List<FloatImage> path = augmenter.interpolate(a, b, 5);
    assertEquals(5, path.size());
    assertArrayEquals(model.decode(model.encode(a).mean()).pixels(), path.get(0).pixels(), 1e-6f);
    assertArrayEquals(model.decode(model.encode(b).mean()).pixels(), path.get(4).pixels(), 1e-6f);
    assertNotEquals(path.get(0), path.get(4));
    assertEquals(2, augmenter.interpolate(a, b, 2).size());
  }

  @Test
  void samplesAreImagesInTheUnitRange() {
    List<FloatImage> samples = augmenter.sample(6, 1f, 11);
    assertEquals(6, samples.size());
    for (FloatImage sample : samples) {
      assertTrue(sample.matches(model.spec()));
      assertInRange(sample);
    }
    assertEquals(samples, augmenter.sample(6, 1f, 11));
    assertNotEquals(samples, augmenter.sample(6, 1f, 12));
  }

  @Test
  void badArgumentsAreRefusedWithTheValue() {
    FloatImage image = images.get(0);
    refused(() -> augmenter.augment(image, 0, 1f, 1), "n must be in [1, 64], got: 0");
    refused(() -> augmenter.augment(image, 65, 1f, 1), "got: 65");
    refused(() -> augmenter.sample(0, 1f, 1), "got: 0");
    refused(
        () -> augmenter.augment(image, 2, -0.5f, 1), "temperature must be in [0, 5.0], got: -0.5");
    refused(() -> augmenter.sample(2, 5.5f, 1), "got: 5.5");
    refused(() -> augmenter.sample(2, Float.NaN, 1), "got: NaN");
    refused(() -> augmenter.interpolate(image, image, 1), "steps must be in [2, 32], got: 1");
    refused(() -> augmenter.interpolate(image, image, 33), "got: 33");
    refused(() -> augmenter.augment(TinyImages.squares(1, 20, 1).get(0), 2, 1f, 1), "20x20x1");
    refused(() -> model.decode(new float[3]), "has 3 values; the model takes 6");
    UncheckedIOException missing =
        assertThrows(
            UncheckedIOException.class,
            () -> VaeModel.load(ModelSource.directory(dir.resolve("nothing"))));
    assertTrue(missing.getMessage().contains("model.json"), missing.getMessage());
  }

  private static void refused(Executable call, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  private static void assertInRange(FloatImage image) {
    for (float value : image.pixels()) {
      assertTrue(value >= 0f && value <= 1f, "value " + value + " outside [0,1]");
    }
  }

  @Test
  void augmentationFilesWriteEachVariantAndTheSheet(@TempDir Path out) throws IOException {
    List<Path> written =
        new AugmentationFiles(augmenter)
            .write(
                images.subList(0, 2), 2, 1f, 42, out.resolve("variants"), out.resolve("sheet.png"));
    assertEquals(
        List.of(
            out.resolve("variants/image-00-variant-00.png"),
            out.resolve("variants/image-00-variant-01.png"),
            out.resolve("variants/image-01-variant-00.png"),
            out.resolve("variants/image-01-variant-01.png"),
            out.resolve("sheet.png")),
        written);
    for (Path file : written) {
      assertTrue(Files.size(file) > 0, file + " is written");
    }
    List<Path> one =
        new AugmentationFiles(augmenter)
            .write(images.subList(0, 1), 1, 1f, 42, out.resolve("one"), null);
    assertEquals(List.of(out.resolve("one/variant-00.png")), one);
  }
}
