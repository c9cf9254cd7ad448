package dev.lookalike.api;

import dev.lookalike.index.StoredImage;
import java.util.Map;

/**
 * An indexed image as the API writes it (without codes or thumbnail, which have their own URL).
 *
 * @param addedAt milliseconds since the epoch
 * @param reconstructionError the model's reconstruction error for the image, or null when unknown
 */
public record ImageJson(
    String id,
    String uri,
    String label,
    Map<String, String> metadata,
    long addedAt,
    Float reconstructionError) {

  static ImageJson of(StoredImage image) {
    return new ImageJson(
        image.id(),
        image.uri(),
        image.label(),
        image.metadata(),
        image.addedAt(),
        image.reconstructionError());
  }
}
