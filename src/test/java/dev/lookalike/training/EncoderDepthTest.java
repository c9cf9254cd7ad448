package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --depth}: stride-1 convolutions after the encoder's two stride-2 ones. */
class EncoderDepthTest {

  private static final ImageSpec SPEC = new ImageSpec(16, 1);

  private static ModelTraining.Request request(int depth) {
    return new ModelTraining.Request(
        "squares",
        InputChoice.given(SPEC),
        8,
        4,
        depth,
        false,
        CodeLayer.LINEAR,
        16,
        BinarizerMethod.ITQ,
        DenseCode.DEFAULT,
        new TrainingOptions(1, 16, 0.003f, 0.25, 3, Corruption.parse("none")),
        DaeObjective.RECONSTRUCTION,
        "test");
  }

  @Test
  void aDeeperEncoderIsRecordedAndReloadsToTheSameCodes(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(48, 16, 5);
    Path shallow = dir.resolve("depth-2");
    Path deep = dir.resolve("depth-4");
    new ModelTraining().train(request(ConvAutoencoder.DEFAULT_DEPTH), images, shallow, s -> {});
    ModelManifest manifest =
        new ModelTraining().train(request(4), images, deep, s -> {}).manifest();

    assertEquals(4, manifest.depth());
    assertTrue(
        Files.readString(deep.resolve(ModelFiles.MANIFEST)).contains("\"depth\" : 4"),
        "model.json records the depth");
    // two more 8-filter 3×3 convolutions: 2 × (8 × 8 × 9 + 8) more floats than the shallow model
    assertTrue(
        Files.size(deep.resolve(ModelFiles.WEIGHTS))
            >= Files.size(shallow.resolve(ModelFiles.WEIGHTS)) + 2 * (8 * 8 * 9 + 8) * 4,
        "the deeper encoder has the extra convolutions' weights");
    try (CodeModel first = CodeModel.load(ModelSource.directory(deep));
        CodeModel second = CodeModel.load(ModelSource.directory(deep))) {
      assertEquals(4, first.manifest().depth());
      List<Codes> a = first.codes(images.subList(0, 8));
      List<Codes> b = second.codes(images.subList(0, 8));
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).dense(), b.get(i).dense(), 1e-6f);
      }
    }
  }

  @Test
  void aModelJsonWithoutDepthIsTheTwoConvolutionEncoder(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(48, 16, 5);
    new ModelTraining().train(request(ConvAutoencoder.DEFAULT_DEPTH), images, dir, s -> {});
    Path json = dir.resolve(ModelFiles.MANIFEST);
    String written = Files.readString(json);
    assertTrue(written.contains("\"depth\" : 2,"), written.substring(0, 200));
    Files.writeString(json, written.replace("\"depth\" : 2,", ""));

    try (CodeModel model = CodeModel.load(ModelSource.directory(dir))) {
      assertEquals(ConvAutoencoder.DEFAULT_DEPTH, model.manifest().depth());
      assertEquals(1, model.codes(images.get(0)).bits().length);
    }
  }

  @Test
  void aDepthOutsideItsRangeIsRefused() {
    for (int depth : new int[] {1, ConvAutoencoder.MAX_DEPTH + 1}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ConvAutoencoder.builder().setInput(SPEC).setLatent(8).optDepth(depth).build());
      assertEquals("depth must be in [2, 6], got: " + depth, e.getMessage());
    }
  }
}
