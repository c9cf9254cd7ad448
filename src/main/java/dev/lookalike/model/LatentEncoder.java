package dev.lookalike.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import java.util.List;

/**
 * Runs the encoder half of the autoencoder over images in batches and returns their latent
 * vectors. Safe to call from several threads: each call has its own tensor scope.
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

  public float[][] encode(List<FloatImage> images) {
    float[][] latents = new float[images.size()][];
    for (int from = 0; from < images.size(); from += batchSize) {
      int to = Math.min(images.size(), from + batchSize);
      try (NDManager scope = manager.newSubManager()) {
        NDArray input = Batches.stack(scope, spec, images, from, to);
        NDArray output = encoder.forward(new ParameterStore(scope, false), new NDList(input), false).singletonOrThrow();
        int width = (int) output.getShape().get(1);
        float[] flat = output.toFloatArray();
        for (int i = from; i < to; i++) {
          float[] latent = new float[width];
          System.arraycopy(flat, (i - from) * width, latent, 0, width);
          latents[i] = latent;
        }
      }
    }
    return latents;
  }
}
