package dev.lookalike.training;

import dev.lookalike.api.SampleImages;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny autoencoders trained in seconds, e.g. as the "new model" of a reindex. */
public final class TinyModels {

  private TinyModels() {}

  /**
   * Trains a one-epoch model of {@code size}×{@code size} grey input on 24 sample garments and
   * returns its directory, {@code dir/model}.
   */
  public static Path train(Path dir, int size, long seed) throws IOException {
    Path images = Files.createDirectories(dir.resolve("tiny-model-images"));
    for (int i = 0; i < 24; i++) {
      Files.write(images.resolve("garment-" + i + ".png"), SampleImages.png(i));
    }
    Path out = dir.resolve("model");
    new TrainingService(line -> {}, (file, why) -> {})
        .train(
            new TrainPlan(
                new DataSource(images.toString()),
                null,
                out,
                Variant.DAE,
                size,
                1,
                8,
                4,
                ConvAutoencoder.DEFAULT_DEPTH,
                16,
                BinarizerMethod.ITQ,
                DenseCode.DEFAULT,
                false,
                CodeLayer.LINEAR,
                1,
                8,
                0.003f,
                LearningRateSchedule.DEFAULT,
                0.25,
                seed,
                null,
                null,
                ObjectiveOptions.NONE,
                1f,
                0,
                null,
                "lookalike train (tiny test model)"));
    return out;
  }
}
