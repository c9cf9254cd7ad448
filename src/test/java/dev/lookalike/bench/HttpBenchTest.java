package dev.lookalike.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.ApiTestProfile;
import dev.lookalike.api.SampleImages;
import dev.lookalike.app.SampleStartup;
import dev.lookalike.client.ServerClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The closed-loop load against a real server: every request counted, every upload durable. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
class HttpBenchTest {

  @TestHTTPResource("/")
  URI root;

  @Inject SampleStartup sample;

  @Test
  void uploadsAreEachANewImageAndSearchesAreTimed() throws Exception {
    sample.ensureIndexed();
    ServerClient client = new ServerClient(root, Optional.empty());
    HttpBench bench = new HttpBench(client);
    // three images only: each upload still adds an image of its own (its own URI)
    List<byte[]> images = IntStream.range(0, 3).mapToObj(SampleImages::png).toList();

    long before = client.count();
    LatencyReport uploads = bench.uploads(images, 4, Warmup.of(5), 30);
    assertEquals(30, uploads.requests());
    assertEquals(5, uploads.warmedUp());
    assertEquals(0, uploads.errors());
    assertEquals(before + 35, client.count(), "warm-up and timed uploads, none replaced");
    LatencyReport again = bench.uploads(images, 2, Warmup.of(0), 4);
    assertEquals(before + 39, client.count(), "a second run uploads under new URIs");
    assertTrue(again.p50Ms() > 0 && again.p50Ms() <= again.maxMs());

    LatencyReport searches = bench.run(images, "k=5&mode=dense", 2, Warmup.of(3), 12);
    assertEquals(12, searches.requests());
    assertEquals(0, searches.errors());
    LatencyReport refused = bench.run(images, "k=0", 2, Warmup.of(0), 6);
    assertEquals(6, refused.errors(), "a 400 is an error");

    // a timed warm-up goes on in rounds until its time has passed; the timed uploads still
    // number on after it, so none replaces a warm-up upload
    long start = client.count();
    long t0 = System.nanoTime();
    LatencyReport timed = bench.uploads(images, 2, new Warmup(1, Duration.ofMillis(300)), 3);
    assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
    assertTrue(timed.warmedUp() > 1, "only " + timed.warmedUp() + " warm-up uploads");
    assertEquals(3, timed.requests());
    assertEquals(start + timed.warmedUp() + 3, client.count(), "none replaced");
  }
}
