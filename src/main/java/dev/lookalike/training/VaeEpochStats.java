package dev.lookalike.training;

/**
 * What one VAE training epoch did. Reconstruction and KL are per image (summed over pixels and
 * latent units), averaged over the images.
 *
 * @param klWeight the weight on the KL term this epoch: β times the annealing factor
 * @param trainReconstruction mean sum of squared errors on the training split, z sampled
 * @param trainKl mean KL(q(z|x) ‖ N(0, I)) on the training split
 * @param validationReconstruction the same on held-out images, clean input, one z sample each (NaN
 *     without a validation split)
 * @param validationKl mean KL on held-out images (NaN without a validation split)
 * @param validationElbo −(validationReconstruction + validationKl) per image: a one-sample estimate
 *     of the evidence lower bound with β = 1 whatever β trained, so models are comparable. The sum
 *     of squared errors is the negative log-likelihood of a Gaussian decoder with variance ½ per
 *     value up to its constant, so this is the true bound up to that constant, −(D/2)·ln π for D
 *     values per image; higher is better
 */
public record VaeEpochStats(
    int epoch,
    double klWeight,
    double trainReconstruction,
    double trainKl,
    double validationReconstruction,
    double validationKl,
    double validationElbo,
    double seconds,
    double imagesPerSecond)
    implements EpochTiming {}
