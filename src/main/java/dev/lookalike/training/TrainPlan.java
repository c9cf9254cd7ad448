package dev.lookalike.training;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.encoder.DeviceChoice;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import java.nio.file.Path;

/**
 * Everything {@code lookalike train} was asked for, typed: what {@link TrainingService} carries
 * out.
 *
 * @param data the images: a folder or {@code fashion-mnist:train}
 * @param fashionMnistDir where the IDX files of a Fashion-MNIST split are
 * @param out the model directory to write
 * @param size the input side, or null to choose it from the data ({@link InputChoice})
 * @param channels 1 or 3, or null to choose from the data
 * @param depth the DAE encoder's convolutions ({@link ConvAutoencoder.Builder#optDepth}); the VAE
 *     takes only the default
 * @param epochs passes over the training images, or null for {@link #epochsFor(int)}
 * @param noise the corruption spec, or null for the variant's default ({@link #corruption()})
 * @param maxImages train on a seeded sample of at most this many images, or null for all
 * @param objective the DAE's regularisers (ignored for the VAE)
 * @param beta VAE only: weight of the KL term
 * @param annealEpochs VAE only: epochs of KL annealing
 * @param command the command line, recorded in model.json
 */
public record TrainPlan(
    DataSource data,
    Path fashionMnistDir,
    Path out,
    Variant variant,
    Integer size,
    Integer channels,
    int latent,
    int filters,
    int depth,
    int bits,
    BinarizerMethod binarizer,
    DenseCode dense,
    boolean batchNorm,
    CodeLayer codeLayer,
    Integer epochs,
    int batchSize,
    float learningRate,
    LearningRateSchedule schedule,
    double validation,
    long seed,
    String noise,
    Integer maxImages,
    ObjectiveOptions objective,
    float beta,
    int annealEpochs,
    DeviceChoice device,
    String command) {

  /** Fewest epochs chosen from the data: enough for Fashion-MNIST's 60,000 images. */
  public static final int MIN_EPOCHS = 10;

  /** Most epochs chosen from the data, for tiny collections. */
  public static final int MAX_EPOCHS = 100;

  /**
   * Images a training run should see in all, when the epochs are not given: a small collection gets
   * more passes (3,600 emoji: 42 epochs) so that it gets about as many optimiser steps as a large
   * one, without the time of a large one.
   */
  public static final int IMAGE_PASSES = 150_000;

  /**
   * The DAE's corruption unless told otherwise: salt-and-pepper beat Gaussian σ 0.3 on every row of
   * the validation split for two seeds (BENCHMARKS.md, issue 10).
   */
  public static final String DEFAULT_NOISE = "saltpepper:0.1";

  public TrainPlan {
    if (data == null || out == null || variant == null) {
      throw new IllegalArgumentException("data, out and variant are required");
    }
    if (maxImages != null && maxImages < 1) {
      throw new IllegalArgumentException("--max-images must be at least 1, got: " + maxImages);
    }
    if (binarizer == null
        || dense == null
        || codeLayer == null
        || objective == null
        || schedule == null) {
      throw new IllegalArgumentException(
          "binarizer, dense code, code layer, objective and schedule are required");
    }
    ConvAutoencoder.checkDepth(depth);
    if (variant == Variant.VAE && depth != ConvAutoencoder.DEFAULT_DEPTH) {
      throw new IllegalArgumentException(
          "--depth is for the DAE; the VAE's encoder has "
              + ConvAutoencoder.DEFAULT_DEPTH
              + " convolutions");
    }
  }

  /** The epochs for {@code images} training images when none were given. */
  public static int epochsFor(int images) {
    return Math.clamp(Math.ceilDiv(IMAGE_PASSES, Math.max(1, images)), MIN_EPOCHS, MAX_EPOCHS);
  }

  /**
   * The corruption asked for; by default {@value #DEFAULT_NOISE} for the DAE and none for the VAE,
   * which its KL term regularises.
   */
  public String corruption() {
    if (noise != null) {
      return noise;
    }
    return variant == Variant.VAE ? "none" : DEFAULT_NOISE;
  }
}
