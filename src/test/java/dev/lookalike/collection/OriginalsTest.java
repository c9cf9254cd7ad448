package dev.lookalike.collection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Originals}: kept, replaced and forgotten by image id, whatever characters the id has. */
class OriginalsTest {

  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsReplacesAndForgetsByIdWithNoTemporaryLeftBehind() throws IOException {
    Originals originals = Originals.in(dir.resolve("originals"));
    assertTrue(originals.enabled());
    assertEquals(Optional.empty(), originals.read("a"));
    originals.keep("a", bytes("first"));
    originals.keep("../b/../../c", bytes("an id that looks like a path"));
    assertArrayEquals(bytes("first"), originals.read("a").orElseThrow());
    originals.keep("a", bytes("second"));
    assertArrayEquals(bytes("second"), originals.read("a").orElseThrow());
    assertArrayEquals(
        bytes("an id that looks like a path"), originals.read("../b/../../c").orElseThrow());

    originals.forget("a");
    originals.forget("never kept");
    assertEquals(Optional.empty(), originals.read("a"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertEquals(1, files.size(), "only the other image's file: " + files);
    assertTrue(files.getFirst().startsWith(dir.resolve("originals")), files.toString());
    assertFalse(files.getFirst().toString().endsWith(".tmp"));
  }

  @Test
  void noneKeepsNothing() throws IOException {
    Originals none = Originals.none();
    assertFalse(none.enabled());
    none.keep("a", bytes("x"));
    assertEquals(Optional.empty(), none.read("a"));
  }
}
