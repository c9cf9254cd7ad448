package dev.lookalike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The binary code layer of semantic hashing (Salakhutdinov and Hinton 2009): a sigmoid whose input
 * gets Gaussian noise in training. To get its message through the noise the encoder must push its
 * pre-activations far from zero, so at inference the sigmoid is nearly 0 or 1 and thresholding the
 * pre-activation at zero loses little.
 */
final class NoisySigmoid extends AbstractBlock {

  private static final byte VERSION = 1;

  private final float sigma;
  private final Noise noise;

  NoisySigmoid(float sigma, Noise noise) {
    super(VERSION);
    this.sigma = sigma;
    this.noise = noise;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (training && sigma > 0) {
      x = x.add(noise.normalLike(x, sigma));
    }
    return new NDList(Activation.sigmoid(x));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
