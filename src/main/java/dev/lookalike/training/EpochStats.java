package dev.lookalike.training;

/**
 * What one training epoch did.
 *
 * @param trainLoss mean squared reconstruction error of the clean image from its corrupted input
 * @param trainPenalty mean of the objective's penalties (0 without any)
 * @param validationLoss mean squared reconstruction error on held-out images, uncorrupted input
 *     (NaN without a validation split)
 */
public record EpochStats(
    int epoch,
    double trainLoss,
    double trainPenalty,
    double validationLoss,
    double seconds,
    double imagesPerSecond)
    implements EpochTiming {}
