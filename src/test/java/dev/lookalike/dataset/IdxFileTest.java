package dev.lookalike.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

  /** Writes a gzip IDX file of unsigned bytes. */
  static void write(Path file, int[] dims, byte[] data) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(0x0800 | dims.length);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(data);
    }
  }

  @Test
  void readsImagesAndLabelsAsFashionMnist(@TempDir Path dir) throws IOException {
    byte[] pixels = new byte[3 * 2 * 2];
    pixels[0] = (byte) 255;
    pixels[5] = (byte) 128;
    write(dir.resolve("t10k-images-idx3-ubyte.gz"), new int[] {3, 2, 2}, pixels);
    write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {3}, new byte[] {9, 0, 4});
    LabeledImages images = FashionMnist.load(dir, FashionMnist.Split.TEST);
    assertEquals(3, images.size());
    assertEquals(1f, images.images().get(0).pixels()[0]);
    assertEquals(128 / 255f, images.images().get(1).pixels()[1], 1e-6);
    assertEquals("Ankle boot", images.labelName(0));
    assertEquals("Coat", images.labelName(2));
    assertEquals("fashion-mnist:test#2", images.uri(2));
    assertEquals(2, images.head(2).size());
  }

  @Test
  void truncatedOrForeignFilesAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
    Path truncated = dir.resolve("short.gz");
    write(truncated, new int[] {5, 28, 28}, new byte[100]);
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> IdxFile.read(truncated));
    assertTrue(
        e.getMessage().contains("truncated") && e.getMessage().contains("short.gz"),
        e.getMessage());

    Path text = dir.resolve("text.idx");
    Files.writeString(text, "hello world, not idx");
    e = assertThrows(UncheckedIOException.class, () -> IdxFile.read(text));
    assertTrue(e.getMessage().contains("not an unsigned-byte IDX file"), e.getMessage());

    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> FashionMnist.load(dir, FashionMnist.Split.TRAIN));
    assertTrue(missing.getMessage().contains("dataset-fashion-mnist"), missing.getMessage());
  }

  @Test
  void aByteStreamRoundTrips() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0801);
    out.writeInt(2);
    out.write(new byte[] {7, (byte) 200});
    IdxFile file = IdxFile.read(new ByteArrayInputStream(bytes.toByteArray()), "labels");
    assertEquals(2, file.count());
    assertEquals(200, file.unsigned(1));
  }
}
