package dev.lookalike.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.lookalike.image.ImageSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldedDecoderTest {

  /**
   * The folded decoder computes what the trained block computes, for each shape of decoder the
   * models use (grey and colour, batch norm, the binary code layer), on random weights and latents.
   */
  @ParameterizedTest
  @CsvSource({"28, 1, false, linear", "32, 3, true, linear", "16, 3, false, binary:4"})
  void reconstructsAsTheDecoderBlock(int size, int channels, boolean batchNorm, String codeLayer) {
    ImageSpec spec = channels == 1 ? ImageSpec.grey(size) : ImageSpec.rgb(size);
    try (NDManager manager = NDManager.newBaseManager()) {
      manager.getEngine().setRandomSeed(11);
      Block autoencoder =
          ConvAutoencoder.builder()
              .setInput(spec)
              .setLatent(24)
              .optFilters(8)
              .optBatchNorm(batchNorm)
              .optCodeLayer(CodeLayer.parse(codeLayer))
              .build()
              .block();
      autoencoder.initialize(manager, DataType.FLOAT32, new Shape(1, channels, size, size));
      Block decoder = ConvAutoencoder.decoderOf(autoencoder);
      NDArray latents = manager.randomNormal(new Shape(5, 24));
      ParameterStore parameters = new ParameterStore(manager, false);

      float[] expected =
          decoder.forward(parameters, new NDList(latents), false).singletonOrThrow().toFloatArray();
      NDArray folded = FoldedDecoder.of(decoder, manager).forward(parameters, latents);

      assertArrayEquals(new long[] {5, channels, size, size}, folded.getShape().getShape());
      float[] actual = folded.toFloatArray();
      float scale = 0;
      for (float v : expected) {
        scale = Math.max(scale, Math.abs(v));
      }
      assertTrue(scale > 1e-3, "the decoder's output is not flat");
      assertArrayEquals(expected, actual, 1e-5f * scale + 1e-6f);
    }
  }
}
