package dev.lookalike.training;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.SeededSampling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Refits how a trained network's latents become codes (dense projection, bit length, binarizer)
 * without training it again, and writes the result as a new model directory: the same weights, a
 * new {@code model.json}, so a new fingerprint. The coder is fitted exactly as {@link
 * ModelTraining} fits it: on the latents of a seeded sample of the training data.
 */
public final class Recoding {

  /**
   * What to refit.
   *
   * @param data the images to fit on; null for the data named in the model's {@code model.json}
   * @param bits the code length; null to keep the model's
   * @param binarizer null to keep the model's
   * @param command the command line, appended to the one recorded in {@code model.json}
   */
  public record Request(
      ModelSource model,
      Path out,
      DenseCode dense,
      Integer bits,
      BinarizerMethod binarizer,
      DataSource data,
      Path fashionMnistDir,
      String command) {

    public Request {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(dense, "dense");
      if (bits != null && (bits < 8 || bits > 1024 || bits % 8 != 0)) {
        throw new IllegalArgumentException(
            "bits must be a multiple of 8 in [8, 1024], got: " + bits);
      }
    }
  }

  /** What was written. */
  public record Result(ModelManifest manifest, int fittedOn, double seconds) {}

  private final BiConsumer<Path, String> skipped;

  /**
   * @param skipped image files that could not be decoded, with the reason
   */
  public Recoding(BiConsumer<Path, String> skipped) {
    this.skipped = skipped;
  }

  public Result recode(Request request) throws IOException {
    long start = System.nanoTime();
    try (CodeModel model = CodeModel.load(request.model())) {
      ModelManifest manifest = model.manifest();
      DataSource data =
          request.data() != null ? request.data() : new DataSource(manifest.training().data());
      long seed = manifest.training().seed();
      List<FloatImage> images =
          TrainingImages.load(data, request.fashionMnistDir(), manifest.spec(), skipped);
      if (images.isEmpty()) {
        throw new IllegalArgumentException("no images to fit the codes on in " + data.text());
      }
      List<FloatImage> sample = SeededSampling.sample(images, ModelTraining.CODER_SAMPLE, seed);
      Coder coder =
          Coder.fit(
              model.latents(sample),
              sample,
              request.dense(),
              request.bits() != null ? request.bits() : manifest.bits(),
              request.binarizer() != null ? request.binarizer() : manifest.binarizer().method(),
              seed);
      ModelManifest recoded = manifest.withCoder(coder, request.command());
      ModelFiles.write(request.out(), request.model(), recoded);
      return new Result(recoded, sample.size(), (System.nanoTime() - start) / 1e9);
    }
  }
}
