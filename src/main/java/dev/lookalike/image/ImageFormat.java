package dev.lookalike.image;

/**
 * An image format recognised by its magic bytes.
 *
 * <p>The format is sniffed from content, never taken from a file name or a client's content type,
 * because both are easy to get wrong and the header parser that guards against oversized pictures
 * must match the real format.
 */
public enum ImageFormat {
  PNG("image/png"),
  JPEG("image/jpeg"),
  BMP("image/bmp"),
  TIFF("image/tiff"),
  WEBP("image/webp"),
  GIF("image/gif"),
  /** Magic bytes of none of the above; OpenCV may still know it (PNM, JPEG 2000, ...). */
  UNKNOWN("application/octet-stream");

  private final String mediaType;

  ImageFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The IANA media type, {@code application/octet-stream} for {@link #UNKNOWN}. */
  public String mediaType() {
    return mediaType;
  }

  /** Recognises the format from the first bytes; never throws, {@link #UNKNOWN} when unsure. */
  public static ImageFormat sniff(byte[] bytes) {
    if (bytes == null) {
      return UNKNOWN;
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a')
        || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return GIF;
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    if (startsWith(bytes, 0, 'I', 'I', 0x2A, 0x00) || startsWith(bytes, 0, 'M', 'M', 0x00, 0x2A)) {
      return TIFF;
    }
    if (startsWith(bytes, 0, 'B', 'M') && bytes.length >= 18 && isBmpInfoHeaderSize(bytes)) {
      // "BM" alone is too weak (plain text can start with it), so the DIB header size must be one
      // of the sizes the BMP versions define.
      return BMP;
    }
    return UNKNOWN;
  }

  private static boolean isBmpInfoHeaderSize(byte[] b) {
    int size = (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
    return size == 12
        || size == 16
        || size == 40
        || size == 52
        || size == 56
        || size == 64
        || size == 108
        || size == 124;
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
