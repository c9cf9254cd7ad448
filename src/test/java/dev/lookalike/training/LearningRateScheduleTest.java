package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.training.objective.Corruption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningRateScheduleTest {

  @Test
  void cosineFallsFromTheRateToZeroAtTheLastStep() {
    Tracker cosine = LearningRateSchedule.COSINE.tracker(0.002f, 1000);

    assertEquals(0.002f, cosine.getNewValue(0), 1e-9f);
    assertEquals(0.001f, cosine.getNewValue(500), 1e-6f, "half way, half the rate");
    assertEquals(0f, cosine.getNewValue(1000), 1e-9f);
    assertTrue(cosine.getNewValue(900) < cosine.getNewValue(800), "falls step by step");
  }

  @Test
  void fixedKeepsTheRate() {
    Tracker fixed = LearningRateSchedule.FIXED.tracker(0.002f, 1000);

    assertEquals(0.002f, fixed.getNewValue(1), 0f);
    assertEquals(0.002f, fixed.getNewValue(1000), 0f);
  }

  @Test
  void parsesNamesAndListsTheChoicesWhenRefusing() {
    assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.parse(" Cosine "));
    var refused =
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("step"));
    assertTrue(refused.getMessage().contains("fixed or cosine"), refused.getMessage());
  }

  @Test
  void theTrainerStepsByTheScheduleAndModelJsonSaysWhich(@TempDir Path dir) throws IOException {
    List<FloatImage> images = TinyImages.squares(64, 16, 1);
    List<List<EpochStats>> histories = new ArrayList<>();
    List<ModelManifest> manifests = new ArrayList<>();
    for (LearningRateSchedule schedule :
        List.of(LearningRateSchedule.FIXED, LearningRateSchedule.COSINE)) {
      TrainingOptions options =
          new TrainingOptions(3, 16, 0.003f, schedule, 0.25, 3, Corruption.parse("none"), null);
      var request =
          new ModelTraining.Request(
              "squares", new ImageSpec(16, 1), 8, 4, 16, BinarizerMethod.ITQ, options, "test");
      List<EpochStats> history = new ArrayList<>();
      manifests.add(
          new ModelTraining()
              .train(request, images, dir.resolve(schedule.id()), history::add)
              .manifest());
      histories.add(history);
    }

    // Same seed, same first steps; the cosine's smaller steps show by the last epoch (runs of
    // one schedule agree to 1e-4, TrainingReproducibilityTest).
    double fixedLast = histories.get(0).get(2).trainLoss();
    double cosineLast = histories.get(1).get(2).trainLoss();
    assertTrue(Math.abs(fixedLast - cosineLast) > 1e-3, fixedLast + " against " + cosineLast);
    assertEquals("fixed", manifests.get(0).training().schedule());
    assertEquals("cosine", manifests.get(1).training().schedule());
  }
}
