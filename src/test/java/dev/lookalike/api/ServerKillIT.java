package dev.lookalike.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.app.PackagedApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real server (the packaged application) while 8 uploaders add images: the
 * index it leaves passes {@code CheckIndex}, and after a restart (which applies the write-ahead
 * log) every upload that was answered 201 is in the index and the restarted server takes writes.
 */
class ServerKillIT {

  private static final int UPLOADERS = 8;
  private static final String BOUNDARY = "kill-test-boundary";

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Process start(Path index, int port) throws IOException {
    ProcessBuilder server =
        new ProcessBuilder(
                PackagedApp.command(
                    "serve", "--port", Integer.toString(port), "--index", index.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile());
    // no bundled sample: only the uploads are written
    server.environment().put("LOOKALIKE_SAMPLE_ENABLED", "false");
    return server.start();
  }

  private void awaitReady(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not get ready");
  }

  private int upload(int port, int n) throws Exception {
    byte[] png = SampleImages.png(n % 10_000);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(png);
    body.writeBytes(
        ("\r\n--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"uri\"\r\n\r\nkill:"
                + n
                + "\r\n--"
                + BOUNDARY
                + "--\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/images"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void everyAcknowledgedUploadSurvivesAKilledServer() throws Exception {
    Path index = dir.resolve("index");
    int port = freePort();
    Process server = start(index, port);
    awaitReady(port);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
    for (int u = 0; u < UPLOADERS; u++) {
      uploaders.execute(
          () -> {
            while (!Thread.currentThread().isInterrupted()) {
              int n = next.getAndIncrement();
              try {
                if (upload(port, n) == 201) {
                  acknowledged.add("kill:" + n);
                }
              } catch (Exception e) {
                return; // the server is gone: this upload was never acknowledged
              }
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    server.destroyForcibly(); // SIGKILL, uploads in flight
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    uploaders.shutdownNow();
    assertTrue(uploaders.awaitTermination(30, TimeUnit.SECONDS));
    assertTrue(acknowledged.size() >= 150, "only " + acknowledged.size() + " uploads answered");

    PackagedApp.checkedCount(index); // the last Lucene commit is clean; the log holds the rest

    // The restart applies the write-ahead log; its orderly stop then commits everything to Lucene.
    Process restarted = start(index, port);
    try {
      awaitReady(port);
      assertEquals(201, upload(port, 1_000_000), "the restarted server takes writes");
    } finally {
      restarted.destroy();
      assertTrue(restarted.waitFor(30, TimeUnit.SECONDS));
    }
    long count = PackagedApp.checkedCount(index);
    try (Directory directory = FSDirectory.open(index)) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> lost = new ArrayList<>();
        for (String uri : acknowledged) {
          if (searcher.count(new TermQuery(new Term("id", idFor(uri)))) != 1) {
            lost.add(uri);
          }
        }
        assertEquals(List.of(), lost, "acknowledged uploads lost by the kill");
        assertTrue(count > acknowledged.size());
      }
    }
  }

  private static String idFor(String uri) {
    return dev.lookalike.collection.ImageIds.forUri(uri);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
