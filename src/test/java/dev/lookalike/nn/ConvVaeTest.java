package dev.lookalike.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.image.ImageSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConvVaeTest {

  /**
   * A log-variance head pushed far out (as one bad step can) gives a bounded log σ², so sampling
   * and reconstruction stay finite instead of turning the run into NaN.
   */
  @Test
  void anExplodedLogVarianceHeadStaysFinite() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ConvVae vae = new ConvVae(ImageSpec.grey(16), 4, 4, new Noise(7));
      vae.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 16, 16));
      Block head =
          vae.getChildren().stream()
              .filter(child -> child.getKey().endsWith("logVariance"))
              .findFirst()
              .orElseThrow()
              .getValue();
      NDArray bias = head.getParameters().get("bias").getArray();
      float[] huge = new float[4];
      Arrays.fill(huge, 500f);
      bias.set(huge);

      NDArray images = manager.randomUniform(0, 1, new Shape(2, 1, 16, 16));
      ParameterStore parameters = new ParameterStore(manager, false);
      NDArray logVariance = vae.encode(parameters, images, false).get(1);
      assertTrue(logVariance.max().getFloat() <= ConvVae.MAX_LOG_VARIANCE);

      NDList out = vae.forward(parameters, new NDList(images), true);
      for (float v : out.get(0).toFloatArray()) {
        assertTrue(Float.isFinite(v), "reconstruction " + v);
      }
    }
  }
}
