package dev.lookalike.dataset;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST-like data sets (gzip-compressed or not).
 *
 * <p>The format is a big-endian magic number whose third byte is the element type (0x08 for
 * unsigned bytes) and whose fourth byte is the number of dimensions, followed by one int per
 * dimension and the raw data. Only unsigned-byte files are accepted since that is what image and
 * label files use.
 */
public final class IdxFile {

  private static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private final int[] dimensions;
  private final byte[] data;

  private IdxFile(int[] dimensions, byte[] data) {
    this.dimensions = dimensions;
    this.data = data;
  }

  /** Reads a file; names ending in {@code .gz} are decompressed. */
  public static IdxFile read(Path file) {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in =
          file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IDX file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads from a stream (not closed); {@code name} is used in error messages only. */
  public static IdxFile read(InputStream stream, String name) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      throw new IOException(name + " is empty, not an IDX file");
    }
    if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
      throw new IOException(
          name + " is not an unsigned-byte IDX file (magic 0x" + Integer.toHexString(magic) + ")");
    }
    int rank = magic & 0xFF;
    if (rank < 1 || rank > 4) {
      throw new IOException(name + " has " + rank + " dimensions; expected 1 to 4");
    }
    int[] dims = new int[rank];
    long total = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = in.readInt();
      if (dims[i] < 0) {
        throw new IOException(name + " declares a negative dimension " + dims[i]);
      }
      total *= dims[i];
      if (total > MAX_ELEMENTS) {
        throw new IOException(name + " declares more than " + MAX_ELEMENTS + " elements");
      }
    }
    byte[] data = new byte[(int) total];
    try {
      in.readFully(data);
    } catch (EOFException e) {
      throw new IOException(name + " is truncated: expected " + total + " data bytes");
    }
    return new IdxFile(dims, data);
  }

  public int rank() {
    return dimensions.length;
  }

  public int dimension(int axis) {
    return dimensions[axis];
  }

  /** Number of items: the size of the first dimension. */
  public int count() {
    return dimensions[0];
  }

  /** Bytes of one item (product of all dimensions but the first). */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < dimensions.length; i++) {
      size *= dimensions[i];
    }
    return size;
  }

  /** A copy of the bytes of item {@code index}. */
  public byte[] item(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException("item " + index + " of " + count());
    }
    int size = itemSize();
    byte[] out = new byte[size];
    System.arraycopy(data, index * size, out, 0, size);
    return out;
  }

  /** Unsigned value of a 1-d file's element (labels). */
  public int unsigned(int index) {
    return data[index] & 0xFF;
  }
}
