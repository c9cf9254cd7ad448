package dev.lookalike.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LivePointer}: the file a reindex's switch writes beside the configured index. */
class LivePointerTest {

  @Test
  void roundTripsBesideTheIndexAndSurvivesAMoveOfTheFolder(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("data/index");
    assertEquals(Optional.empty(), LivePointer.read(base), "no reindex yet");
    Path index = LivePointer.indexFor(base, "0123456789abcdef");
    assertEquals(dir.resolve("data/index.0123456789ab"), index);

    new LivePointer(dir.resolve("models/new"), index).write(base);

    assertTrue(Files.isRegularFile(dir.resolve("data/index.live")));
    assertEquals(
        Optional.of(new LivePointer(dir.resolve("models/new"), index)), LivePointer.read(base));
    // the index is recorded relative to the pointer: moving the folder keeps it valid
    Files.move(dir.resolve("data"), dir.resolve("moved"));
    assertEquals(
        dir.resolve("moved/index.0123456789ab"),
        LivePointer.read(dir.resolve("moved/index")).orElseThrow().index());
  }

  @Test
  void aPointerMissingAFieldStopsStartUpNamingTheFile(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("index");
    Files.writeString(LivePointer.fileFor(base), "model=/somewhere\n");
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> LivePointer.read(base));
    assertTrue(refused.getMessage().contains("index.live"), refused.getMessage());
  }
}
