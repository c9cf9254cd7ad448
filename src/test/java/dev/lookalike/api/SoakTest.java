package dev.lookalike.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.SampleStartup;
import dev.lookalike.bench.SoakReport;
import dev.lookalike.bench.SoakRun;
import dev.lookalike.bench.SoakSettings;
import dev.lookalike.client.ServerClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A short soak against the real server: every acknowledged write is in the final count. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
class SoakTest {

  @TestHTTPResource("/")
  URI server;

  @Inject SampleStartup sample;

  @Test
  void mixedLoadEndsWithTheAcknowledgedCountAndNoErrors() throws Exception {
    sample.ensureIndexed();
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      images.add(SampleImages.png(500 + i));
    }
    List<String> lines = new ArrayList<>();
    SoakSettings settings =
        new SoakSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(8),
            2,
            3,
            0.4,
            5, // adds per second per writer
            Duration.ofSeconds(1),
            OptionalLong.of(ProcessHandle.current().pid()));

    SoakReport report =
        new SoakRun(new ServerClient(server, Optional.empty()), images, settings, lines::add).run();

    assertEquals(0, report.errors(), String.join("\n", lines));
    assertEquals(report.expectedCount(), report.finalCount(), String.join("\n", lines));
    int adds = report.intervals().stream().mapToInt(SoakReport.Interval::adds).sum();
    int deletes = report.intervals().stream().mapToInt(SoakReport.Interval::deletes).sum();
    assertTrue(adds > 0 && deletes > 0, "writes ran: " + adds + " adds, " + deletes + " deletes");
    assertTrue(adds <= 3 * (5 * 8 + 1), "the writers were paced: " + adds + " adds");
    assertTrue(report.intervals().stream().anyMatch(i -> !i.loaded() && i.searches() > 0));
    assertTrue(report.intervals().stream().allMatch(i -> i.rssBytes() > 0), "RSS read");
  }
}
