package dev.lookalike.encoder;

import dev.lookalike.codes.Codes;

/**
 * An image's codes and its reconstruction error: the mean squared error between the image and the
 * autoencoder's reconstruction, high for images unlike the rest of the collection.
 */
public record EncodedImage(Codes codes, float reconstructionError) {}
