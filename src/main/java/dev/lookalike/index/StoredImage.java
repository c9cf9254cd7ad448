package dev.lookalike.index;

import java.util.Map;

/**
 * What the index stores about an image, apart from its codes and thumbnail.
 *
 * @param reconstructionError the model's reconstruction error for the image, or null when unknown
 */
public record StoredImage(
    String id,
    String uri,
    String label,
    Map<String, String> metadata,
    long addedAt,
    Float reconstructionError) {}
