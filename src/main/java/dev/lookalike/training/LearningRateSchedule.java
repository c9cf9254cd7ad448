package dev.lookalike.training;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/** How Adam's step size moves over a run. */
public enum LearningRateSchedule {
  /** The given rate from the first step to the last. */
  FIXED,
  /**
   * Half a cosine from the given rate down to zero at the run's last step: the last epochs take
   * small steps, so the weights that are kept are not those of one noisy batch.
   */
  COSINE;

  /** What {@code train} uses unless told otherwise. */
  public static final String DEFAULT_NAME = "fixed";

  public static final LearningRateSchedule DEFAULT = parse(DEFAULT_NAME);

  /** The step size of each of a run's {@code updates} optimiser steps, starting at {@code rate}. */
  public Tracker tracker(float rate, int updates) {
    return switch (this) {
      case FIXED -> Tracker.fixed(rate);
      case COSINE ->
          CosineTracker.builder()
              .setBaseValue(rate)
              .optFinalValue(0f)
              .setMaxUpdates(Math.max(1, updates))
              .build();
    };
  }

  /** The name model.json and the command line use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a name, ignoring case and surrounding blanks; the error lists what is allowed. */
  public static LearningRateSchedule parse(String name) {
    String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    for (LearningRateSchedule schedule : values()) {
      if (schedule.name().equals(wanted)) {
        return schedule;
      }
    }
    throw new IllegalArgumentException(
        "unknown learning-rate schedule '" + name + "'; use fixed or cosine");
  }
}
