package dev.lookalike.image;

/**
 * An image format recognised by its magic bytes.
 *
 * <p>The format is sniffed from content, never taken from a file name or a client's content type,
 * because both are easy to get wrong and the header parser that guards against oversized pictures
 * must match the real format.
 */
public enum ImageFormat {
  // The densities bound how many pixels one byte of the format can describe, with a wide margin
  // over the best case: deflate packs at most 1,032 raw bytes into one (1-bit PNG: 8,256 pixels);
  // a flat baseline JPEG needs some bits per 8x8 block; BMP's RLE8 describes 255 pixels in 2
  // bytes; LZW codes of 12 bits cover at most 4,096 pixels; lossless WebP copies whole runs.
  PNG("image/png", 10_000),
  JPEG("image/jpeg", 1_000),
  BMP("image/bmp", 256),
  TIFF("image/tiff", 10_000),
  WEBP("image/webp", 100_000),
  GIF("image/gif", 4_000),
  /** Magic bytes of none of the above; OpenCV may still know it (PNM, JPEG 2000, ...). */
  UNKNOWN("application/octet-stream", 0);

  private final String mediaType;
  private final long maxPixelsPerByte;

  ImageFormat(String mediaType, long maxPixelsPerByte) {
    this.mediaType = mediaType;
    this.maxPixelsPerByte = maxPixelsPerByte;
  }

  /**
   * Whether a file of {@code bytes} bytes in this format could hold {@code pixels} pixels. A header
   * that declares more is a truncated file or a bomb, and decoding it would allocate and fill the
   * whole declared picture for nothing.
   */
  boolean canHold(long pixels, long bytes) {
    return pixels <= bytes * maxPixelsPerByte;
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
