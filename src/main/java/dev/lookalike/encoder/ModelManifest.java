package dev.lookalike.encoder;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.DenseProjection;
import dev.lookalike.codes.PixelBlend;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.training.EpochStats;
import dev.lookalike.training.TrainingReport;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code model.json} of a model directory: everything needed to rebuild the network, turn its
 * latents into codes, and know how it was made.
 *
 * @param format version of this file's layout
 * @param architecture the network family, {@code conv-dae}
 * @param filters filters of the first convolution
 * @param depth the encoder's convolutions ({@link ConvAutoencoder.Builder#optDepth}); absent (0) in
 *     older files, which have the default two
 * @param batchNorm whether hidden convolutions are followed by batch normalisation
 * @param codeLayer {@code linear} or {@code binary:σ} ({@link CodeLayer}); absent in older files
 * @param noise the corruption used in training
 * @param objective the training loss and augmentation ({@link DaeObjective#spec()}); absent in
 *     older files
 * @param binarizer how dense codes become bits (learned on the training codes)
 * @param dense the projection of the latent before it is scaled to the unit dense code; absent
 *     (older files, {@code --dense-code unit}) when the dense code is the unit latent
 * @param blend the blend of that code with the pixels' PCA code; absent (older files, {@code
 *     --dense-code whitened|unit}) when the dense code is the learned code alone
 * @param command the CLI command that produced the model
 */
public record ModelManifest(
    int format,
    String architecture,
    int size,
    int channels,
    int latent,
    int filters,
    int depth,
    boolean batchNorm,
    String codeLayer,
    int bits,
    String noise,
    String objective,
    Binarizer binarizer,
    DenseProjection dense,
    PixelBlend blend,
    TrainingReport<EpochStats> training,
    String command,
    String created) {

  public static final int FORMAT = 1;
  public static final String CONV_DAE = "conv-dae";

  public ModelManifest {
    ModelFiles.checkLayout(format, FORMAT, architecture, CONV_DAE);
    depth = depth == 0 ? ConvAutoencoder.DEFAULT_DEPTH : depth;
    codeLayer = CodeLayer.parse(codeLayer).spec();
    objective = objective == null ? "mse" : objective;
    if (binarizer == null) {
      throw new IllegalArgumentException("model.json has no binarizer");
    }
    if (dense != null && dense.dimension() != latent) {
      throw new IllegalArgumentException(
          "dense projection takes "
              + dense.dimension()
              + " values but the model has latent "
              + latent);
    }
    coder(binarizer, dense, blend); // refuses a projection the bits do not fit
    if (blend != null) {
      blend.checkInput(size, size, channels);
    }
    if ((dense == null && binarizer.dimension() != latent) || binarizer.bits() != bits) {
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

  /** How this model's latents become codes. */
  public Coder coder() {
    return coder(binarizer, dense, blend);
  }

  private static Coder coder(Binarizer binarizer, DenseProjection dense, PixelBlend blend) {
    return new Coder(binarizer, Optional.ofNullable(dense), Optional.ofNullable(blend));
  }

  /**
   * This manifest with another coder (e.g. refitted by {@code recode}), {@code how} appended to the
   * recorded command.
   */
  public ModelManifest withCoder(Coder coder, String how) {
    return new ModelManifest(
        format,
        architecture,
        size,
        channels,
        latent,
        filters,
        depth,
        batchNorm,
        codeLayer,
        coder.binarizer().bits(),
        noise,
        objective,
        coder.binarizer(),
        coder.projection().orElse(null),
        coder.blend().orElse(null),
        training,
        command + " && " + how,
        Instant.now().toString());
  }

  public ImageSpec spec() {
    return new ImageSpec(size, channels);
  }

  ConvAutoencoder network() {
    return ConvAutoencoder.builder()
        .setInput(spec())
        .setLatent(latent)
        .optFilters(filters)
        .optDepth(depth)
        .optBatchNorm(batchNorm)
        .optCodeLayer(CodeLayer.parse(codeLayer))
        .build();
  }
}
