package dev.lookalike.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.FoldedDecoder;
import java.util.List;

/**
 * Runs the encoder half of the autoencoder over images in batches and returns their latent vectors.
 * Safe to call from several threads: each call has its own tensor scope.
 */
public final class LatentEncoder {

  private final Block encoder;
  private final NDManager manager;
  private final ImageSpec spec;
  private final int batchSize;

  public LatentEncoder(Block encoder, NDManager manager, ImageSpec spec, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got: " + batchSize);
    }
    this.encoder = encoder;
    this.manager = manager;
    this.spec = spec;
    this.batchSize = batchSize;
  }

  /** Latent vectors and, when a decoder is given, each image's reconstruction error. */
  public record Encoded(float[][] latents, float[] reconstructionErrors) {}

  public float[][] encode(List<FloatImage> images) {
    return encode(images, null).latents();
  }

  /**
   * Encodes, and with {@code decoder} also decodes, each image: its reconstruction error (mean
   * squared error over pixels) is how badly the model explains it, which flags outliers.
   */
  public Encoded encode(List<FloatImage> images, FoldedDecoder decoder) {
    float[][] latents = new float[images.size()][];
    float[] errors = new float[images.size()];
    for (int from = 0; from < images.size(); from += batchSize) {
      int to = Math.min(images.size(), from + batchSize);
      try (NDManager scope = manager.newSubManager()) {
        NDArray input = Batches.stack(scope, spec, images, from, to);
        ParameterStore parameters = new ParameterStore(scope, false);
        NDArray output = encoder.forward(parameters, new NDList(input), false).singletonOrThrow();
        if (decoder != null) {
          NDArray reconstruction = decoder.forward(parameters, output);
          float[] mse =
              reconstruction
                  .sub(input)
                  .square()
                  .reshape(to - from, -1)
                  .mean(new int[] {1})
                  .toFloatArray();
          System.arraycopy(mse, 0, errors, from, to - from);
        }
        int width = (int) output.getShape().get(1);
        float[] flat = output.toFloatArray();
        for (int i = from; i < to; i++) {
          float[] latent = new float[width];
          System.arraycopy(flat, (i - from) * width, latent, 0, width);
          latents[i] = latent;
        }
      }
    }
    return new Encoded(latents, decoder == null ? null : errors);
  }
}
