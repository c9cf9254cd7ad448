package dev.lookalike.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable image ids: 16 hex digits of SHA-256 of the image's URI, or of its bytes when it has no URI
 * (an anonymous upload). The same file indexed twice gets the same id, so it replaces itself
 * instead of appearing twice.
 */
public final class ImageIds {

  private ImageIds() {}

  public static String forUri(String uri) {
    return hash(uri.getBytes(StandardCharsets.UTF_8));
  }

  public static String forContent(byte[] bytes) {
    return hash(bytes);
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
