package dev.lookalike.index.lucene;

import dev.lookalike.codes.Codes;
import dev.lookalike.index.ImageRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change as the {@link WriteAheadLog} keeps it: everything needed to apply it again after a
 * crash, the time an add was made included, so that replaying an add the last commit already holds
 * writes the same document again.
 */
sealed interface LoggedChange {

  /** Images added together, at {@code addedAt} (epoch milliseconds). */
  record Added(List<ImageRecord> records, long addedAt) implements LoggedChange {}

  /** One image deleted. */
  record Deleted(String id) implements LoggedChange {}

  byte ADDED = 1;
  byte DELETED = 2;

  /** The change's bytes, framed and checked by the log. */
  static byte[] encode(LoggedChange change) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      switch (change) {
        case Added added -> {
          out.writeByte(ADDED);
          out.writeLong(added.addedAt());
          out.writeInt(added.records().size());
          for (ImageRecord record : added.records()) {
            writeRecord(out, record);
          }
        }
        case Deleted deleted -> {
          out.writeByte(DELETED);
          writeString(out, deleted.id());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /**
   * The change encoded in {@code bytes}.
   *
   * @throws IOException when the bytes are not a change (the log's checksum matched, so this means
   *     a log written by another version)
   */
  static LoggedChange decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte kind = in.readByte();
      return switch (kind) {
        case ADDED -> {
          long addedAt = in.readLong();
          int count = in.readInt();
          List<ImageRecord> records = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            records.add(readRecord(in));
          }
          yield new Added(List.copyOf(records), addedAt);
        }
        case DELETED -> new Deleted(readString(in));
        default -> throw new IOException("unknown change kind " + kind + " in the write-ahead log");
      };
    }
  }

  private static void writeRecord(DataOutputStream out, ImageRecord record) throws IOException {
    writeString(out, record.id());
    writeString(out, record.uri());
    writeString(out, record.label());
    out.writeInt(record.metadata().size());
    for (Map.Entry<String, String> entry : record.metadata().entrySet()) {
      writeString(out, entry.getKey());
      writeString(out, entry.getValue());
    }
    out.writeInt(record.thumbnailPng().length);
    out.write(record.thumbnailPng());
    float[] dense = record.codes().dense();
    out.writeInt(dense.length);
    for (float value : dense) {
      out.writeFloat(value);
    }
    long[] bits = record.codes().bits();
    out.writeInt(bits.length);
    for (long word : bits) {
      out.writeLong(word);
    }
    out.writeFloat(record.reconstructionError());
  }

  private static ImageRecord readRecord(DataInputStream in) throws IOException {
    String id = readString(in);
    String uri = readString(in);
    String label = readString(in);
    int entries = in.readInt();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < entries; i++) {
      metadata.put(readString(in), readString(in));
    }
    byte[] thumbnail = in.readNBytes(in.readInt());
    float[] dense = new float[in.readInt()];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = in.readFloat();
    }
    long[] bits = new long[in.readInt()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = in.readLong();
    }
    return new ImageRecord(
        id, uri, label, metadata, thumbnail, new Codes(dense, bits), in.readFloat());
  }

  /** Length-prefixed UTF-8; -1 for null (a missing label). */
  private static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
