package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Codes;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.encoder.CodeModel;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a seed fixes: the held-out split and, bit for bit, the trained weights and losses. */
class TrainingReproducibilityTest {

  private static final ImageSpec SPEC = new ImageSpec(16, 1);

  @Test
  void theValidationSplitOfATrainedModelCanBeDrawnAgain(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(128, 16, 1);
    TrainingResult<ModelManifest> result =
        new ModelTraining().train(ModelTrainingTest.request(1, "none"), images, dir, s -> {});
    int[] used = result.validationIds();
    assertEquals(32, used.length);
    assertEquals(32, Arrays.stream(used).distinct().count(), "no image held out twice");
    // what evaluate --split validation derives from model.json is what the trainer held out
    ModelManifest reloaded;
    try (CodeModel model = CodeModel.load(ModelSource.directory(dir))) {
      reloaded = model.manifest();
    }
    assertArrayEquals(used, reloaded.training().validationIds(128), "the trainer's actual split");
    assertThrows(IllegalStateException.class, () -> reloaded.training().validationIds(60_000));
  }

  @Test
  void theSameSeedTrainsTheSameWeightsAndAnotherSeedOthers(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(64, 16, 1);
    DaeObjective contractive =
        new DaeObjective(
            List.of(Penalty.contractive(0.001f)), new ViewSettings(1, 0f, true, 1f, 0f), null);
    TrainingOptions seeded =
        new TrainingOptions(2, 16, 0.003f, 0.25, 3, Corruption.parse("gaussian:0.2"));
    TrainingOptions reseeded = new TrainingOptions(2, 16, 0.003f, 0.25, 4, seeded.corruption());
    List<List<EpochStats>> histories = new ArrayList<>();
    List<float[][]> codes = new ArrayList<>();
    int run = 0;
    for (TrainingOptions options : List.of(seeded, seeded, reseeded)) {
      Path out = dir.resolve("run" + run++);
      var request =
          new ModelTraining.Request(
              "squares",
              InputChoice.given(SPEC),
              8,
              4,
              ConvAutoencoder.DEFAULT_DEPTH,
              false,
              CodeLayer.parse("binary:2"),
              8,
              BinarizerMethod.UNITS,
              DenseCode.DEFAULT,
              options,
              contractive,
              "test");
      List<EpochStats> history = new ArrayList<>();
      new ModelTraining().train(request, images, out, history::add);
      histories.add(history);
      try (CodeModel model = CodeModel.load(ModelSource.directory(out))) {
        codes.add(
            model.codes(images.subList(0, 8)).stream().map(Codes::dense).toArray(float[][]::new));
      }
    }
    // Equal to float rounding, not byte for byte: oneDNN may sum in another order between runs.
    assertEquals(0, maxDifference(losses(histories.get(0)), losses(histories.get(1))), 1e-4);
    for (int i = 0; i < 8; i++) {
      assertArrayEquals(codes.get(0)[i], codes.get(1)[i], 1e-4f, "same seed, same codes");
    }
    assertTrue(
        maxDifference(losses(histories.get(0)), losses(histories.get(2))) > 1e-3,
        "another seed, other losses");
    assertFalse(Arrays.equals(codes.get(0)[0], codes.get(2)[0]), "another seed, other codes");
  }

  private static double maxDifference(List<Double> a, List<Double> b) {
    double max = 0;
    for (int i = 0; i < a.size(); i++) {
      max = Math.max(max, Math.abs(a.get(i) - b.get(i)));
    }
    return max;
  }

  private static List<Double> losses(List<EpochStats> history) {
    return history.stream()
        .flatMap(e -> Stream.of(e.trainLoss(), e.trainPenalty(), e.validationLoss()))
        .toList();
  }
}
