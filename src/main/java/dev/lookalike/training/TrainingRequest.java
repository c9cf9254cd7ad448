package dev.lookalike.training;

import dev.lookalike.image.ImageSpec;

/** What every request to write a model directory names, whatever the architecture. */
public interface TrainingRequest {

  /** Name of the training data, recorded in model.json. */
  String data();

  /** The input shape and how it was chosen, recorded in model.json. */
  InputChoice input();

  default ImageSpec spec() {
    return input().spec();
  }

  /** Epochs, batch size, learning rate, validation share, seed, corruption. */
  TrainingOptions trainingOptions();

  /** The command line, recorded in model.json. */
  String command();
}
