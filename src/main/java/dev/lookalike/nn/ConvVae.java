package dev.lookalike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.lookalike.image.ImageSpec;

/**
 * The convolutional variational autoencoder (Kingma and Welling 2014): the encoder trunk of {@link
 * ConvAutoencoder}, two linear heads for the posterior mean μ and log-variance log σ², and the same
 * decoder. Its forward pass returns {@code (reconstruction, μ, log σ²)}.
 *
 * <p>In training the decoder sees z = μ + σ·ε with ε ~ N(0, I) (the reparameterisation trick, so
 * the gradient flows through μ and σ); otherwise it sees z = μ, which makes inference
 * deterministic. Trunk and decoder come from {@link ConvAutoencoder} so the two models cannot drift
 * apart; the output is linear for the same reason as there.
 */
public final class ConvVae extends AbstractBlock {

  private static final byte VERSION = 1;

  private final ImageSpec input;
  private final int latent;
  private final Block trunk;
  private final Block mean;
  private final Block logVariance;

  /** Bounds on log σ²: σ from e^-15 to e^10, far beyond any posterior a trained model gives. */
  public static final float MIN_LOG_VARIANCE = -30f;

  public static final float MAX_LOG_VARIANCE = 20f;
  private final Block decoder;
  private final Noise noise;

  /** Builds the network for inference, which draws no ε. */
  public ConvVae(ImageSpec input, int latent, int filters) {
    this(input, latent, filters, Noise.none());
  }

  /**
   * Builds the network; the limits on {@code input}, {@code latent} and {@code filters} are those
   * of {@link ConvAutoencoder.Builder}. In training, ε is drawn from {@code noise}.
   */
  public ConvVae(ImageSpec input, int latent, int filters, Noise noise) {
    super(VERSION);
    this.noise = noise;
    ConvAutoencoder parts =
        ConvAutoencoder.builder().setInput(input).setLatent(latent).optFilters(filters).build();
    this.input = input;
    this.latent = latent;
    this.trunk = addChildBlock("trunk", parts.trunk());
    this.mean = addChildBlock("mean", Linear.builder().setUnits(latent).build());
    this.logVariance = addChildBlock("logVariance", Linear.builder().setUnits(latent).build());
    this.decoder = addChildBlock("decoder", parts.decoder());
  }

  public ImageSpec input() {
    return input;
  }

  public int latent() {
    return latent;
  }

  /**
   * The posterior of a batch of NCHW images: {@code (μ, log σ²)}, each of shape (batch, latent).
   * log σ² is kept within [{@value #MIN_LOG_VARIANCE}, {@value #MAX_LOG_VARIANCE}]: its exponential
   * feeds both the sampling and the KL term, and one step that pushed it past ~88 made them
   * infinite and the whole run NaN (a seeded test run diverged so once in CI).
   */
  public NDList encode(ParameterStore parameters, NDArray images, boolean training) {
    NDList features = trunk.forward(parameters, new NDList(images), training);
    return new NDList(
        mean.forward(parameters, features, training).singletonOrThrow(),
        logVariance
            .forward(parameters, features, training)
            .singletonOrThrow()
            .clip(MIN_LOG_VARIANCE, MAX_LOG_VARIANCE));
  }

  /** Decodes latents of shape (batch, latent) into NCHW images (linear output, not clipped). */
  public NDArray decode(ParameterStore parameters, NDArray latents, boolean training) {
    return decoder.forward(parameters, new NDList(latents), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList posterior = encode(parameters, inputs.singletonOrThrow(), training);
    NDArray mu = posterior.get(0);
    NDArray logVar = posterior.get(1);
    NDArray z = mu;
    if (training) {
      NDArray epsilon = noise.normalLike(mu, 1f);
      z = mu.add(logVar.mul(0.5f).exp().mul(epsilon));
    }
    return new NDList(decode(parameters, z, training), mu, logVar);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape posterior = new Shape(batch, latent);
    return new Shape[] {
      new Shape(batch, input.channels(), input.size(), input.size()), posterior, posterior
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    trunk.initialize(manager, dataType, inputShapes);
    Shape[] features = trunk.getOutputShapes(inputShapes);
    mean.initialize(manager, dataType, features);
    logVariance.initialize(manager, dataType, features);
    decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), latent));
  }
}
