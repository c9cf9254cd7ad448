package dev.lookalike.training;

import dev.lookalike.nn.Noise;
import java.util.Random;

/**
 * Every random source of one training run, all derived from its seed, none global.
 *
 * @param order the split, the batch order, the views and the picks of images to vary; the split is
 *     its first draws, which {@link TrainingReport#validationIds} relies on to draw it again
 * @param noise corruption, the VAE's ε, the noise of a binary code layer, penalty probes
 * @param weights the initial weights
 */
record RunRandom(Random order, Noise noise, Noise weights) {

  static RunRandom of(long seed) {
    Noise root = new Noise(seed);
    return new RunRandom(new Random(seed), root.split(), root.split());
  }
}
