/**
 * Turns uploaded image bytes into model input and thumbnails.
 *
 * <p>{@link dev.lookalike.image.ImagePipeline} is the one entry point other packages use. It sniffs
 * the format, checks the declared size against {@link dev.lookalike.image.ImageLimits} before any
 * pixel is decoded (so a decompression bomb costs nothing), decodes with OpenCV (GIF through {@code
 * javax.imageio}), and produces a planar {@link dev.lookalike.image.FloatImage} for the {@link
 * dev.lookalike.image.ImageSpec} the model wants plus a small PNG thumbnail. Every failure is an
 * {@link dev.lookalike.image.InvalidImageException} carrying a {@link
 * dev.lookalike.image.InvalidImageException.Reason}.
 */
package dev.lookalike.image;
