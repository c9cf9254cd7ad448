package dev.lookalike.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained decoder's inference form: the same function as the {@linkplain
 * ConvAutoencoder#decoderOf decoder block}, computed with a fraction of the work. Each nearest 2×
 * upsampling followed by a 3×3 convolution is folded into one convolution at the lower resolution
 * ({@link UpsampledConvolution}); every other layer runs as trained.
 *
 * <p>Why: indexing decodes every image to score how badly the model explains it, and the decoder
 * cost several times the encoder — most of it spent copying upsampled feature maps and in a one-
 * filter convolution over the full-size image, which oneDNN runs far below its peak.
 */
public final class FoldedDecoder {

  /** One step of the decoder: a trained layer, or an upsampling and convolution folded. */
  private interface Step {
    NDArray forward(ParameterStore parameters, NDArray input);
  }

  private final List<Step> steps;

  private FoldedDecoder(List<Step> steps) {
    this.steps = steps;
  }

  /**
   * Folds a decoder block whose parameters are initialised (trained or loaded).
   *
   * @param manager owns the folded weights; they live as long as it
   */
  public static FoldedDecoder of(Block decoder, NDManager manager) {
    List<Block> layers = new ArrayList<>();
    decoder.getChildren().values().forEach(layers::add);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Block layer = layers.get(i);
      if (isUpsampling(layer)
          && i + 1 < layers.size()
          && layers.get(i + 1) instanceof Conv2d conv
          && UpsampledConvolution.folds(conv)) {
        UpsampledConvolution folded = UpsampledConvolution.of(conv, manager);
        steps.add((parameters, input) -> folded.forward(input));
        i++;
      } else {
        steps.add(
            (parameters, input) ->
                layer.forward(parameters, new NDList(input), false).singletonOrThrow());
      }
    }
    return new FoldedDecoder(List.copyOf(steps));
  }

  /** The reconstruction of a batch of latent vectors, as the decoder block computes it. */
  public NDArray forward(ParameterStore parameters, NDArray latents) {
    NDArray x = latents;
    for (Step step : steps) {
      x = step.forward(parameters, x);
    }
    return x;
  }

  private static boolean isUpsampling(Block layer) {
    return layer instanceof LambdaBlock lambda && ConvAutoencoder.UPSAMPLE.equals(lambda.getName());
  }

  /**
   * A 3×3, stride-1, padding-1 convolution over a nearest 2× upsampled map, computed at the map's
   * own resolution. Output pixel (2i + di, 2j + dj) sees input rows i - 1, i (di = 0) or i, i + 1
   * (di = 1), the kernel's rows summed where two of them fall on one input row; likewise for
   * columns. So one convolution with the four phases' kernels stacked as 4 × filters outputs,
   * followed by a pixel shuffle, gives the same map without the upsampled copy; a one-filter
   * convolution over the full-size image becomes a four-filter one over a quarter of its pixels.
   */
  static final class UpsampledConvolution {

    /** Per phase, which of the folded kernel's three taps each original tap adds into. */
    private static final int[][] TAP = {{0, 1, 1}, {1, 1, 2}};

    private final NDArray weight;
    private final NDArray bias;
    private final int filters;

    private UpsampledConvolution(NDArray weight, NDArray bias, int filters) {
      this.weight = weight;
      this.bias = bias;
      this.filters = filters;
    }

    static boolean folds(Conv2d conv) {
      return conv.getKernelShape().equals(new Shape(3, 3))
          && conv.getStride().equals(new Shape(1, 1))
          && conv.getPadding().equals(new Shape(1, 1))
          && conv.getDilation().equals(new Shape(1, 1))
          && conv.getGroups() == 1;
    }

    static UpsampledConvolution of(Conv2d conv, NDManager manager) {
      NDArray trained = conv.getParameters().get("weight").getArray();
      long[] shape = trained.getShape().getShape();
      int filters = (int) shape[0];
      int channels = (int) shape[1];
      float[] w = trained.toFloatArray();
      float[] folded = new float[4 * filters * channels * 9];
      for (int phase = 0; phase < 4; phase++) {
        int[] rows = TAP[phase / 2];
        int[] cols = TAP[phase % 2];
        for (int kernel = 0; kernel < filters * channels; kernel++) {
          int to = (phase * filters * channels + kernel) * 9;
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              folded[to + rows[ky] * 3 + cols[kx]] += w[kernel * 9 + ky * 3 + kx];
            }
          }
        }
      }
      float[] b = new float[4 * filters];
      if (conv.isIncludeBias()) {
        float[] trainedBias = conv.getParameters().get("bias").getArray().toFloatArray();
        for (int phase = 0; phase < 4; phase++) {
          System.arraycopy(trainedBias, 0, b, phase * filters, filters);
        }
      }
      return new UpsampledConvolution(
          manager.create(folded, new Shape(4L * filters, channels, 3, 3)),
          manager.create(b, new Shape(4L * filters)),
          filters);
    }

    NDArray forward(NDArray input) {
      long[] s = input.getShape().getShape();
      NDArray phases =
          Conv2d.conv2d(input, weight, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
              .singletonOrThrow();
      // (N, di, dj, C, H, W) → (N, C, H, di, W, dj): the pixel shuffle.
      return phases
          .reshape(s[0], 2, 2, filters, s[2], s[3])
          .transpose(0, 3, 4, 1, 5, 2)
          .reshape(s[0], filters, s[2] * 2, s[3] * 2);
    }
  }
}
