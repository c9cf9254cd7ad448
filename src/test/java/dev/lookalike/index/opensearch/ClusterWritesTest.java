package dev.lookalike.index.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.RandomImages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Bulk writes against a scripted cluster (a local HTTP server answering {@code _bulk} as a busy
 * cluster does): items refused with 429 are sent again, alone; a whole request refused with 503 is
 * sent again; any other refusal fails the add, naming the image.
 */
class ClusterWritesTest {

  private static final ModelIdentity MODEL = new ModelIdentity("m", 16, 64);

  private HttpServer server;
  private final Deque<String> answers = new ConcurrentLinkedDeque<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private OpenSearchClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          String answer = answers.poll();
          int status = Integer.parseInt(answer.substring(0, 3));
          byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    client =
        ClusterClients.connect(
            ClusterConnection.plain(
                List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))));
  }

  @AfterEach
  void stop() throws IOException {
    client._transport().close();
    server.stop(0);
  }

  private ClusterWrites writes() {
    return new ClusterWrites(client, MODEL, new OpenSearchSettings("idx", 1, 0, 500, 3));
  }

  private static String item(String id, int status) {
    String error =
        status < 300
            ? ""
            : ",\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"queue full\"}";
    return "{\"index\":{\"_index\":\"idx\",\"_id\":\""
        + id
        + "\",\"status\":"
        + status
        + error
        + "}}";
  }

  private static String bulk(String... items) {
    boolean errors = String.join("", items).contains("error");
    return "200 {\"took\":1,\"errors\":" + errors + ",\"items\":[" + String.join(",", items) + "]}";
  }

  private List<ImageRecord> records(int n) {
    RandomImages images = new RandomImages(new Random(3), MODEL);
    List<ImageRecord> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(images.record(i));
    }
    return records;
  }

  @Test
  void itemsRefusedWith429AreSentAgainAlone() throws IOException {
    answers.add(bulk(item("img0", 201), item("img1", 429), item("img2", 201)));
    answers.add(bulk(item("img1", 201)));
    writes().add(records(3));
    assertEquals(2, requests.size());
    assertTrue(requests.get(1).contains("\"img1\""), requests.get(1));
    assertFalse(requests.get(1).contains("\"img0\""), "an acknowledged item is not sent again");
  }

  @Test
  void aWholeRequestRefusedWith503IsSentAgain() throws IOException {
    answers.add(
        "503 {\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"no manager\"},\"status\":503}");
    answers.add(bulk(item("img0", 201), item("img1", 201)));
    writes().add(records(2));
    assertEquals(2, requests.size());
  }

  @Test
  void anyOtherRefusalFailsTheAddNamingTheImage() {
    answers.add(
        bulk(
            item("img0", 201),
            "{\"index\":{\"_index\":\"idx\",\"_id\":\"img1\",\"status\":400,\"error\":"
                + "{\"type\":\"mapper_parsing_exception\",\"reason\":\"bad vector\"}}}"));
    IOException e = assertThrows(IOException.class, () -> writes().add(records(2)));
    assertTrue(
        e.getMessage().contains("img1") && e.getMessage().contains("bad vector"), e.getMessage());
    assertEquals(1, requests.size(), "a bad document is not retried");
  }

  @Test
  void aClusterThatKeepsRefusingFailsAfterTheRetries() {
    for (int i = 0; i < 4; i++) {
      answers.add(bulk(item("img0", 429)));
    }
    IOException e = assertThrows(IOException.class, () -> writes().add(records(1)));
    assertTrue(e.getMessage().contains("after 3 retries"), e.getMessage());
    assertEquals(4, requests.size());
  }
}
