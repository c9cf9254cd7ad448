package dev.lookalike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.lookalike.image.ImageSpec;

/**
 * Builds the convolutional autoencoder: two stride-2 convolutions (and, at a larger {@linkplain
 * Builder#optDepth depth}, stride-1 ones after them) and a linear bottleneck of {@code latent}
 * floats; the decoder mirrors the first two with nearest-neighbour upsampling and convolutions.
 *
 * <p>Upsampling + convolution instead of transposed convolution because the PyTorch engine of DJL
 * does not implement {@code Conv2dTranspose}; it also avoids checkerboard artefacts. The output is
 * linear (no sigmoid): with an L2 loss a sigmoid output stalled training.
 */
public final class ConvAutoencoder {

  /** Index of the encoder in the block returned by {@link #block()}. */
  public static final int ENCODER = 0;

  /** Index of the decoder in the block returned by {@link #block()}. */
  public static final int DECODER = 1;

  /** The encoder's convolutions unless told otherwise: the two that halve the image. */
  public static final int DEFAULT_DEPTH = 2;

  /** The most convolutions the encoder may have. */
  public static final int MAX_DEPTH = 6;

  /**
   * Refuses an encoder depth outside [{@value #DEFAULT_DEPTH}, {@value #MAX_DEPTH}]; training
   * checks it before it loads any image.
   */
  public static void checkDepth(int depth) {
    if (depth < DEFAULT_DEPTH || depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "depth must be in [" + DEFAULT_DEPTH + ", " + MAX_DEPTH + "], got: " + depth);
    }
  }

  /** The name of the decoder's upsampling layers, which {@link FoldedDecoder} looks for. */
  static final String UPSAMPLE = "upsample2x";

  private final ImageSpec input;
  private final int latent;
  private final int filters;
  private final int depth;
  private final boolean batchNorm;
  private final CodeLayer codeLayer;
  private final Noise noise;

  private ConvAutoencoder(Builder builder) {
    this.input = builder.input;
    this.latent = builder.latent;
    this.filters = builder.filters;
    this.depth = builder.depth;
    this.batchNorm = builder.batchNorm;
    this.codeLayer = builder.codeLayer;
    this.noise = builder.noise;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The whole autoencoder: a sequence of the encoder and the decoder. With a binary code layer the
   * decoder starts with the (noisy in training) sigmoid, so the encoder's output stays the code
   * layer's pre-activation, whose sign is the bit.
   */
  public SequentialBlock block() {
    return new SequentialBlock().add(encoder()).add(decoder());
  }

  /** The encoder half of a block made by {@link #block()}. */
  public static Block encoderOf(Block autoencoder) {
    return autoencoder.getChildren().get(ENCODER).getValue();
  }

  /** The decoder half of a block made by {@link #block()}. */
  public static Block decoderOf(Block autoencoder) {
    return autoencoder.getChildren().get(DECODER).getValue();
  }

  private SequentialBlock encoder() {
    return trunk().add(Linear.builder().setUnits(latent).build());
  }

  /**
   * The convolutional part of the encoder, up to the flattened features: two stride-2 convolutions
   * with ReLU, then {@code depth - 2} stride-1 ones at the last resolution. Two 3×3 convolutions
   * see 7 pixels across; each one more widens that by 8 (a quarter of a 32-px image), so a unit can
   * respond to a shape drawn in another style rather than to its local pixels. The autoencoder
   * appends its latent layer to the trunk (so its block stays flat and trained weights keep
   * loading); the {@link ConvVae} puts its mean and log-variance heads after it.
   */
  SequentialBlock trunk() {
    SequentialBlock trunk = new SequentialBlock();
    convLayer(trunk, filters, 2);
    convLayer(trunk, filters * 2, 2);
    for (int layer = 2; layer < depth; layer++) {
      convLayer(trunk, filters * 2, 1);
    }
    return trunk.add(Blocks.batchFlattenBlock());
  }

  /** Convolution, batch norm when asked for (it lets the larger learning rates converge), ReLU. */
  private void convLayer(SequentialBlock block, int outChannels, int stride) {
    block.add(conv(outChannels, stride));
    if (batchNorm) {
      block.add(BatchNorm.builder().build());
    }
    block.add(Activation.reluBlock());
  }

  /** The decoder: latent in, image out (linear, not clipped); shared with {@link ConvVae}. */
  SequentialBlock decoder() {
    int side = input.size() / 4;
    int channels = filters * 2;
    SequentialBlock decoder = new SequentialBlock();
    if (codeLayer.binary()) {
      decoder.add(new NoisySigmoid(codeLayer.noise(), noise));
    }
    decoder
        .add(Linear.builder().setUnits((long) channels * side * side).build())
        .add(Activation.reluBlock())
        .add(
            new LambdaBlock(
                list -> new NDList(list.singletonOrThrow().reshape(-1, channels, side, side)),
                "unflatten"))
        .add(upsample());
    convLayer(decoder, filters, 1);
    return decoder.add(upsample()).add(conv(input.channels(), 1));
  }

  private static Conv2d conv(int outChannels, int stride) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(1, 1))
        .setFilters(outChannels)
        .build();
  }

  /** Nearest-neighbour 2x upsampling as reshape + broadcast, which autograd differentiates. */
  private static LambdaBlock upsample() {
    return new LambdaBlock(
        list -> {
          NDArray x = list.singletonOrThrow();
          long[] s = x.getShape().getShape();
          NDArray up =
              x.reshape(s[0], s[1], s[2], 1, s[3], 1)
                  .broadcast(new Shape(s[0], s[1], s[2], 2, s[3], 2))
                  .reshape(s[0], s[1], s[2] * 2, s[3] * 2);
          return new NDList(up);
        },
        UPSAMPLE);
  }

  /** Validating builder: input and latent are required. */
  public static final class Builder {
    private ImageSpec input;
    private int latent;
    private int filters = 32;
    private int depth = DEFAULT_DEPTH;
    private boolean batchNorm;
    private CodeLayer codeLayer = CodeLayer.LINEAR;
    private Noise noise = Noise.none();

    private Builder() {}

    /**
     * Where the binary code layer draws its training noise; none by default, which is enough for
     * inference (it draws only in training).
     */
    public Builder optNoise(Noise noise) {
      this.noise = noise == null ? Noise.none() : noise;
      return this;
    }

    /** Batch normalisation after every hidden convolution; default off. */
    public Builder optBatchNorm(boolean batchNorm) {
      this.batchNorm = batchNorm;
      return this;
    }

    /**
     * The bottleneck: linear (default) or a binary sigmoid layer with noise injected in training.
     */
    public Builder optCodeLayer(CodeLayer codeLayer) {
      this.codeLayer = codeLayer == null ? CodeLayer.LINEAR : codeLayer;
      return this;
    }

    public Builder setInput(ImageSpec input) {
      this.input = input;
      return this;
    }

    public Builder setLatent(int latent) {
      this.latent = latent;
      return this;
    }

    /** Filters of the first convolution (the second has twice as many); default 32. */
    public Builder optFilters(int filters) {
      this.filters = filters;
      return this;
    }

    /**
     * The encoder's convolutions, {@value #DEFAULT_DEPTH} (default) to {@value #MAX_DEPTH}: the
     * first two halve the image, the others keep the last resolution.
     */
    public Builder optDepth(int depth) {
      this.depth = depth;
      return this;
    }

    public ConvAutoencoder build() {
      if (input == null) {
        throw new IllegalArgumentException("input spec is required");
      }
      if (input.size() % 4 != 0) {
        throw new IllegalArgumentException(
            "input size must be a multiple of 4 (two stride-2 layers), got: " + input.size());
      }
      if (latent < 2 || latent > 4096) {
        throw new IllegalArgumentException("latent must be in [2, 4096], got: " + latent);
      }
      if (filters < 1 || filters > 1024) {
        throw new IllegalArgumentException("filters must be in [1, 1024], got: " + filters);
      }
      checkDepth(depth);
      return new ConvAutoencoder(this);
    }
  }
}
