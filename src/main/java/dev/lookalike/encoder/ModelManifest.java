package dev.lookalike.encoder;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.training.EpochStats;
import dev.lookalike.training.TrainingReport;

/**
 * The {@code model.json} of a model directory: everything needed to rebuild the network, turn its
 * latents into codes, and know how it was made.
 *
 * @param format version of this file's layout
 * @param architecture the network family, {@code conv-dae}
 * @param filters filters of the first convolution
 * @param batchNorm whether hidden convolutions are followed by batch normalisation
 * @param codeLayer {@code linear} or {@code binary:σ} ({@link CodeLayer}); absent in older files
 * @param noise the corruption used in training
 * @param objective the training loss and augmentation ({@link DaeObjective#spec()}); absent in
 *     older files
 * @param binarizer how latents become bits (learned on the training codes)
 * @param command the CLI command that produced the model
 */
public record ModelManifest(
    int format,
    String architecture,
    int size,
    int channels,
    int latent,
    int filters,
    boolean batchNorm,
    String codeLayer,
    int bits,
    String noise,
    String objective,
    Binarizer binarizer,
    TrainingReport<EpochStats> training,
    String command,
    String created) {

  public static final int FORMAT = 1;
  public static final String CONV_DAE = "conv-dae";

  public ModelManifest {
    ModelFiles.checkLayout(format, FORMAT, architecture, CONV_DAE);
    codeLayer = CodeLayer.parse(codeLayer).spec();
    objective = objective == null ? "mse" : objective;
    if (binarizer == null) {
      throw new IllegalArgumentException("model.json has no binarizer");
    }
    if (binarizer.dimension() != latent || binarizer.bits() != bits) {
      throw new IllegalArgumentException(
          "binarizer is "
              + binarizer.dimension()
              + "->"
              + binarizer.bits()
              + " but the model has latent "
              + latent
              + " and "
              + bits
              + " bits");
    }
  }

  public ImageSpec spec() {
    return new ImageSpec(size, channels);
  }

  ConvAutoencoder network() {
    return ConvAutoencoder.builder()
        .setInput(spec())
        .setLatent(latent)
        .optFilters(filters)
        .optBatchNorm(batchNorm)
        .optCodeLayer(CodeLayer.parse(codeLayer))
        .build();
  }
}
