package dev.lookalike.image;

/**
 * Checks the first TIFF directory's strip and tile byte counts and offsets against the file's
 * length before decoding: libtiff trusts them and would try to read (and allocate) a strip of
 * hundreds of megabytes that a 2 KB file cannot hold, which the fuzzer found taking seconds.
 */
final class TiffStrips {

  private static final int STRIP_OFFSETS = 273;
  private static final int STRIP_BYTE_COUNTS = 279;
  private static final int TILE_OFFSETS = 324;
  private static final int TILE_BYTE_COUNTS = 325;
  private static final int SHORT = 3;
  private static final int LONG = 4;

  private TiffStrips() {}

  /**
   * @throws InvalidImageException when a strip or tile lies beyond the end of the file
   */
  static void check(byte[] b) {
    boolean little = b[0] == 'I';
    long ifd = u32(b, 4, little);
    if (ifd + 2 > b.length) {
      throw damaged("its first directory lies beyond the end of the file");
    }
    int entries = u16(b, (int) ifd, little);
    for (int e = 0; e < entries; e++) {
      int at = (int) ifd + 2 + 12 * e;
      if (at + 12 > b.length) {
        throw damaged("its first directory is cut short");
      }
      int tag = u16(b, at, little);
      if (tag == STRIP_OFFSETS
          || tag == STRIP_BYTE_COUNTS
          || tag == TILE_OFFSETS
          || tag == TILE_BYTE_COUNTS) {
        checkValues(b, at, little);
      }
    }
  }

  /** Every value of a SHORT or LONG entry must be within the file. */
  private static void checkValues(byte[] b, int entry, boolean little) {
    int type = u16(b, entry + 2, little);
    long count = u32(b, entry + 4, little);
    int size = type == SHORT ? 2 : type == LONG ? 4 : 0;
    if (size == 0) {
      return; // other types are libtiff's to refuse
    }
    long bytes = count * size;
    long values = bytes <= 4 ? entry + 8 : u32(b, entry + 8, little);
    if (values + bytes > b.length) {
      throw damaged("its strip table lies beyond the end of the file");
    }
    for (long i = 0; i < count; i++) {
      int at = (int) (values + i * size);
      long value = size == 2 ? u16(b, at, little) : u32(b, at, little);
      if (value > b.length) {
        throw damaged("a strip or tile lies beyond the end of the file");
      }
    }
  }

  private static InvalidImageException damaged(String why) {
    return new InvalidImageException(
        InvalidImageException.Reason.UNDECODABLE, "the TIFF image is damaged: " + why);
  }

  private static int u16(byte[] b, int at, boolean little) {
    int lo = b[little ? at : at + 1] & 0xFF;
    int hi = b[little ? at + 1 : at] & 0xFF;
    return hi << 8 | lo;
  }

  private static long u32(byte[] b, int at, boolean little) {
    if (at + 4 > b.length) {
      throw damaged("a field lies beyond the end of the file");
    }
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = value << 8 | (b[little ? at + 3 - i : at + i] & 0xFF);
    }
    return value;
  }
}
