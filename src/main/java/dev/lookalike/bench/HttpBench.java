package dev.lookalike.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.client.ServerClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load of image searches or uploads against a running server: {@code connections}
 * clients each send their next request as soon as the previous answer arrives, the way a saturated
 * front end would. Latency is measured per request on the client, so it includes HTTP, decoding,
 * encoding the image and the search or the durable write itself.
 */
public final class HttpBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerClient client;

  public HttpBench(ServerClient client) {
    this.client = client;
  }

  /**
   * Runs the {@code warmup}'s untimed then {@code requests} timed searches, cycling through the
   * images.
   *
   * @param query the query string, e.g. {@code k=10&mode=diffusion}
   */
  public LatencyReport run(
      List<byte[]> images, String query, int connections, Warmup warmup, int requests)
      throws IOException, InterruptedException {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no query images");
    }
    List<HttpRequest> bodies = new ArrayList<>(images.size());
    for (byte[] image : images) {
      bodies.add(client.searchRequest(image, query));
    }
    return closedLoop(
        i -> client.status(bodies.get(i % bodies.size())) == 200, connections, warmup, requests);
  }

  /**
   * Runs the {@code warmup}'s untimed then {@code requests} timed uploads ({@code POST
   * /api/images}) from {@code uploaders} concurrent clients, each acknowledged (201) only once
   * durable. Every upload has its own URI (so its own id, even where images repeat), under a prefix
   * new to each call.
   */
  public LatencyReport uploads(List<byte[]> images, int uploaders, Warmup warmup, int requests)
      throws IOException, InterruptedException {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images to upload");
    }
    String prefix = "bench-upload:" + UUID.randomUUID() + "/";
    return closedLoop(
        i -> client.add(images.get(i % images.size()), prefix + i).isPresent(),
        uploaders,
        warmup,
        requests);
  }

  /** One request of a closed loop, by its number; true when it succeeded. */
  private interface Request {
    boolean send(int number) throws IOException, InterruptedException;
  }

  private static LatencyReport closedLoop(
      Request request, int connections, Warmup warmup, int requests)
      throws IOException, InterruptedException {
    int warmedUp = warmUp(request, connections, warmup);
    long[] nanos = new long[requests];
    AtomicInteger errors = new AtomicInteger();
    long t0 = System.nanoTime();
    load(request, warmedUp, connections, requests, nanos, errors);
    return LatencyReport.of(warmedUp, nanos, errors.get(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Sends the warm-up's requests, then rounds of more until its time has passed; returns how many
   * were sent, so the timed requests number on from there (an upload's number is its URI).
   */
  private static int warmUp(Request request, int connections, Warmup warmup)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + warmup.atLeast().toNanos();
    int sent = 0;
    for (int first = warmup.requests(); first > 0 || System.nanoTime() < end; first = 0) {
      int count = first > 0 ? first : connections * Warmup.ROUND_PER_CONNECTION;
      load(request, sent, connections, count, new long[count], new AtomicInteger());
      sent += count;
    }
    return sent;
  }

  /**
   * The share of each query's {@code exact}-mode top k that the query's answer also holds, averaged
   * over the images: a mode's recall against brute force, measured through the server.
   *
   * @param query the query string of the mode measured
   * @param exact the query string of the reference
   */
  public double recall(List<byte[]> images, String query, String exact)
      throws IOException, InterruptedException {
    double sum = 0;
    for (byte[] image : images) {
      Set<String> truth = new HashSet<>(ids(image, exact));
      if (truth.isEmpty()) {
        sum += 1;
        continue;
      }
      long found = ids(image, query).stream().filter(truth::contains).count();
      sum += found / (double) truth.size();
    }
    return images.isEmpty() ? Double.NaN : sum / images.size();
  }

  private List<String> ids(byte[] image, String query) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(client.searchRequest(image, query));
    if (response.statusCode() != 200) {
      throw new IOException("search answered " + response.statusCode() + ": " + response.body());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : JSON.readTree(response.body()).get("hits")) {
      ids.add(hit.get("id").asText());
    }
    return ids;
  }

  /** Sends requests {@code first} to {@code first + count - 1}, timing each into {@code nanos}. */
  private static void load(
      Request request, int first, int connections, int count, long[] nanos, AtomicInteger errors)
      throws IOException, InterruptedException {
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
      List<Future<Void>> clients = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                      if (!request.send(first + i)) {
                        errors.incrementAndGet();
                      }
                    } catch (IOException e) {
                      errors.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - t;
                  }
                  return null;
                }));
      }
      for (Future<Void> done : clients) {
        done.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("a bench client failed", e.getCause());
    }
  }
}
