package dev.lookalike.index.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two-node cluster Maven starts before the integration tests (src/test/opensearch/cluster.sh):
 * its addresses, plus killing and restarting a node for the fault tests. Without the cluster the
 * tests fail, naming the reason — never skip.
 */
public final class TestCluster {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path state;
  private final int port;

  private TestCluster(Path state, int port) {
    this.state = state;
    this.port = port;
  }

  /** The cluster of this build; fails when the build did not start one. */
  public static TestCluster running() {
    String dir = System.getProperty("test.opensearch.dir");
    String port = System.getProperty("test.opensearch.port");
    if (port == null) {
      throw new IllegalStateException(
          "no OpenSearch test cluster: run the integration tests through Maven (./mvnw verify),"
              + " which starts one");
    }
    TestCluster cluster =
        new TestCluster(dir == null ? null : Path.of(dir), Integer.parseInt(port));
    try {
      cluster.get(1, "/_cluster/health");
    } catch (IOException e) {
      throw new IllegalStateException(
          "the OpenSearch test cluster on port " + port + " does not answer: " + e.getMessage(), e);
    }
    return cluster;
  }

  /** Node {@code n}'s HTTP address (n = 1 or 2). */
  public URI node(int n) {
    return URI.create("http://127.0.0.1:" + (port + n - 1));
  }

  /** Configuration that puts Lookalike on this cluster, in the index {@code index}. */
  public Map<String, String> engineConfig(String index) {
    return Map.of(
        "lookalike.engine",
        "opensearch",
        "lookalike.opensearch.hosts",
        node(1) + "," + node(2),
        "lookalike.opensearch.index",
        index);
  }

  public ClusterConnection connection() {
    return ClusterConnection.plain(List.of(node(1), node(2)));
  }

  /** GET on node {@code n}, the body as text. */
  public String get(int n, String path) throws IOException {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(node(n).resolve(path)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The node (1 or 2) that is the elected cluster manager, asked of {@code via}. */
  public int clusterManager(int via) throws IOException {
    String name = get(via, "/_cat/cluster_manager?h=node").trim();
    return Integer.parseInt(name.substring(1));
  }

  /** Waits until the cluster is green with both nodes, or fails after {@code timeout}. */
  public void awaitGreen(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String health =
            get(1, "/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=5s");
        if (health.contains("\"status\":\"green\"") && health.contains("\"number_of_nodes\":2")) {
          return;
        }
      } catch (IOException e) {
        // node 1 may be the one restarting; ask node 2
        try {
          String health =
              get(2, "/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=5s");
          if (health.contains("\"status\":\"green\"")) {
            return;
          }
        } catch (IOException again) {
          // neither answers yet
        }
      }
      sleep(1000);
    }
    throw new IOException("the cluster did not go back to green within " + timeout);
  }

  /** {@code kill -9} of node {@code n}. */
  public void kill(int n) throws IOException {
    script("kill", Integer.toString(n));
  }

  /** Starts node {@code n} again on its data; returns at once. */
  public void start(int n) throws IOException {
    script("start-node", Integer.toString(n));
  }

  private void script(String... args) throws IOException {
    if (state == null) {
      throw new IllegalStateException("this cluster was not started by cluster.sh");
    }
    List<String> command =
        new java.util.ArrayList<>(
            List.of("bash", "src/test/opensearch/cluster.sh", args[0], state.toString()));
    command.addAll(List.of(args).subList(1, args.length));
    Process process = new ProcessBuilder(command).inheritIO().start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("cluster.sh " + String.join(" ", args) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
