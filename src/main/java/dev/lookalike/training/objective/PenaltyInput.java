package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.nn.Noise;
import java.util.function.UnaryOperator;

/**
 * What a {@link Penalty} sees of one training step. The random view's code is made once, when a
 * penalty first asks for it, and shared by every penalty of the step: one encoder pass, not one per
 * term.
 */
public final class PenaltyInput {

  private final ParameterStore parameters;
  private final Block encoder;
  private final NDArray clean;
  private final NDArray noisy;
  private final NDArray code;
  private final Corruption corruption;
  private final UnaryOperator<NDArray> views;
  private final Noise noise;
  private NDArray viewCode;

  /**
   * @param clean the clean batch (NCHW)
   * @param noisy the corrupted batch the encoder saw
   * @param code the encoder's output for {@code noisy}, shape (batch, latent)
   * @param corruption the denoising corruption, to corrupt extra views the same way
   * @param views makes a random view of a batch (for the invariance terms)
   * @param noise the training run's seeded noise, for corrupting views and random probes
   */
  public PenaltyInput(
      ParameterStore parameters,
      Block encoder,
      NDArray clean,
      NDArray noisy,
      NDArray code,
      Corruption corruption,
      UnaryOperator<NDArray> views,
      Noise noise) {
    this.parameters = parameters;
    this.encoder = encoder;
    this.clean = clean;
    this.noisy = noisy;
    this.code = code;
    this.corruption = corruption;
    this.views = views;
    this.noise = noise;
  }

  public NDArray clean() {
    return clean;
  }

  public NDArray noisy() {
    return noisy;
  }

  public NDArray code() {
    return code;
  }

  public Noise noise() {
    return noise;
  }

  /** {@code images} corrupted like the batch, from the run's noise. */
  public NDArray corrupt(NDArray images) {
    return corruption.apply(images, noise);
  }

  /** The encoder's output for another batch, in training mode, so gradients flow through it. */
  public NDArray encode(NDArray images) {
    return encoder.forward(parameters, new NDList(images), true).singletonOrThrow();
  }

  /** The code of a random view of the clean batch, corrupted like the batch; made once a step. */
  public NDArray viewCode() {
    if (viewCode == null) {
      viewCode = encode(corrupt(views.apply(clean)));
    }
    return viewCode;
  }
}
