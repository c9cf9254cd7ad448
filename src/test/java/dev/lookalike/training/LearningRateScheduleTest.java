package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

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
}
