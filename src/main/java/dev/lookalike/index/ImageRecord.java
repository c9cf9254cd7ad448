package dev.lookalike.index;

import dev.lookalike.codes.Codes;
import java.util.Map;

/**
 * One image ready to be indexed.
 *
 * @param id stable identity; adding a record with an existing id replaces that image
 * @param uri where the image came from (a path, {@code fashion-mnist:test#12}, {@code upload:…})
 * @param label optional label (null when unknown)
 * @param metadata optional free-form key/value pairs, stored with the image
 * @param thumbnailPng a small PNG shown in result lists
 * @param reconstructionError how badly the model reconstructs the image (NaN when unknown)
 */
public record ImageRecord(
    String id,
    String uri,
    String label,
    Map<String, String> metadata,
    byte[] thumbnailPng,
    Codes codes,
    float reconstructionError) {

  public ImageRecord(
      String id,
      String uri,
      String label,
      Map<String, String> metadata,
      byte[] thumbnailPng,
      Codes codes) {
    this(id, uri, label, metadata, thumbnailPng, codes, Float.NaN);
  }

  public ImageRecord {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("uri must not be blank for image " + id);
    }
    if (codes == null) {
      throw new IllegalArgumentException("codes are required for image " + id);
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    thumbnailPng = thumbnailPng == null ? new byte[0] : thumbnailPng;
  }
}
