package dev.lookalike.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.bench.KillRestarts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real server (the packaged application) while 8 uploaders add images, twice
 * ({@link KillRestarts}, what {@code killtest} runs): the index each kill leaves passes {@code
 * CheckIndex}, and after each restart (which applies the write-ahead log) every upload that was
 * answered 201 is there.
 */
class ServerKillIT {

  @TempDir Path dir;

  @Test
  void everyAcknowledgedUploadSurvivesAKilledServer() throws Exception {
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      images.add(SampleImages.png(i));
    }
    List<String> lines = new ArrayList<>();
    KillRestarts.Report report =
        new KillRestarts(
                dir.resolve("index"),
                freePort(),
                dir.resolve("server.log"),
                images,
                new KillRestarts.Settings(2, 8, Duration.ofSeconds(4), Duration.ofSeconds(6), 7),
                lines::add)
            .run();

    String table = String.join("\n", lines);
    assertEquals(0, report.missing(), "acknowledged uploads lost by a kill:\n" + table);
    assertTrue(
        report.rounds().stream().allMatch(r -> r.acknowledged() >= 20),
        "each server, the restarted one too, took uploads:\n" + table);
    assertTrue(report.finalCount() >= report.acknowledged(), table);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
