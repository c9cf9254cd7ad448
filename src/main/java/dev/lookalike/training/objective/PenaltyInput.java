package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.nn.Noise;
import java.util.function.UnaryOperator;

/**
 * What a {@link Penalty} sees of one training step.
 *
 * @param clean the clean batch (NCHW)
 * @param noisy the corrupted batch the encoder saw
 * @param code the encoder's output for {@code noisy}, shape (batch, latent)
 * @param corruption the denoising corruption, to corrupt extra views the same way
 * @param views makes a randomly shifted/flipped copy of a batch (for invariance)
 * @param noise the training run's seeded noise, for corrupting views and random probes
 */
public record PenaltyInput(
    ParameterStore parameters,
    Block encoder,
    NDArray clean,
    NDArray noisy,
    NDArray code,
    Corruption corruption,
    UnaryOperator<NDArray> views,
    Noise noise) {

  /** {@code images} corrupted like the batch, from the run's noise. */
  public NDArray corrupt(NDArray images) {
    return corruption.apply(images, noise);
  }

  /** The encoder's output for another batch, in training mode, so gradients flow through it. */
  public NDArray encode(NDArray images) {
    return encoder.forward(parameters, new NDList(images), true).singletonOrThrow();
  }
}
