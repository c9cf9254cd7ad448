package dev.lookalike.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainPlanTest {

  @Test
  void epochsFromTheDataGiveSmallCollectionsMorePassesWithinBounds() {
    assertEquals(TrainPlan.MIN_EPOCHS, TrainPlan.epochsFor(60_000), "Fashion-MNIST");
    assertEquals(42, TrainPlan.epochsFor(3_642), "an emoji set");
    assertEquals(TrainPlan.MAX_EPOCHS, TrainPlan.epochsFor(24), "a handful");
    assertEquals(TrainPlan.MIN_EPOCHS, TrainPlan.epochsFor(5_000_000), "a large folder");
  }
}
