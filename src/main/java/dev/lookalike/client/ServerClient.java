package dev.lookalike.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The calls a load generator makes on a running server, over one shared HTTP/1.1 client. */
public final class ServerClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI server;
  private final Optional<String> apiKey;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @param apiKey sent as {@code X-Api-Key} with writes, when present
   */
  public ServerClient(URI server, Optional<String> apiKey) {
    this.server = server;
    this.apiKey = apiKey;
  }

  /** A client that sends the key of {@code LOOKALIKE_API_KEY}, when set, with writes. */
  public static ServerClient withKeyFromEnvironment(URI server) {
    return new ServerClient(
        server, Optional.ofNullable(System.getenv("LOOKALIKE_API_KEY")).filter(k -> !k.isEmpty()));
  }

  /**
   * Asks the server for a snapshot ({@code POST /api/admin/snapshots}); its JSON description.
   *
   * @throws IOException for an answer other than 201, with the server's problem document
   */
  public String snapshot() throws IOException, InterruptedException {
    return admin(
            HttpRequest.newBuilder(server.resolve("/api/admin/snapshots"))
                .timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.noBody()),
            201)
        .toString();
  }

  /**
   * Asks the server to reindex into the model in {@code model}, a directory on the server ({@code
   * POST /api/admin/reindex}); the job's status as JSON.
   *
   * @throws IOException for an answer other than 202, with the server's problem document
   */
  public JsonNode startReindex(String model) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve("/api/admin/reindex"))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("model", model))));
    return admin(request, 202);
  }

  /** The server's running or last reindex ({@code GET /api/admin/reindex}). */
  public JsonNode reindexStatus() throws IOException, InterruptedException {
    return admin(
        HttpRequest.newBuilder(server.resolve("/api/admin/reindex"))
            .timeout(Duration.ofSeconds(30)),
        200);
  }

  private JsonNode admin(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() != expected) {
      throw new IOException(server + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** A search request for {@code image}, built once so a load can send it many times. */
  public HttpRequest searchRequest(byte[] image, String query) {
    return HttpRequest.newBuilder(server.resolve("/api/search?" + query))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new Multipart().file("image", image).build()))
        .build();
  }

  /** The status of a request whose body is not needed. */
  public int status(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The answer to a request, body as text. */
  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Adds an image under {@code uri}; its id once acknowledged (201), empty otherwise. */
  public Optional<String> add(byte[] image, String uri) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve("/api/images"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", Multipart.CONTENT_TYPE)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    new Multipart().field("uri", uri).file("image", image).build()));
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    HttpResponse<String> response = send(request.build());
    return response.statusCode() == 201
        ? Optional.of(JSON.readTree(response.body()).get("id").asText())
        : Optional.empty();
  }

  /** Deletes an image; true once acknowledged (204). */
  public boolean delete(String id) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                server.resolve("/api/images/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .DELETE();
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    return status(request.build()) == 204;
  }

  /** Whether the server holds an image ({@code GET /api/images/{id}}: 200, or 404). */
  public boolean exists(String id) throws IOException, InterruptedException {
    int status =
        status(
            HttpRequest.newBuilder(
                    server.resolve("/api/images/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .build());
    if (status != 200 && status != 404) {
      throw new IOException("GET of image " + id + " answered " + status);
    }
    return status == 200;
  }

  /** Whether the server is ready ({@code GET /q/health/ready}); false when it does not answer. */
  public boolean ready() throws InterruptedException {
    try {
      return status(
              HttpRequest.newBuilder(server.resolve("/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build())
          == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The number of images the server holds ({@code GET /api/stats}). */
  public long count() throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(server.resolve("/api/stats"))
                .timeout(Duration.ofSeconds(30))
                .build());
    if (response.statusCode() != 200) {
      throw new IOException("stats answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).get("count").asLong();
  }

  /** One image of a batch, with the URI that names it. */
  public record BatchItem(byte[] bytes, String uri) {}

  /**
   * The answer to a batch.
   *
   * @param failed position in the batch and reason of each image the server refused
   */
  public record BatchAnswer(int added, int skipped, List<Failure> failed) {

    /** An image of the batch the server refused. */
    public record Failure(int position, String reason) {}
  }

  /** Thrown when the server is busy (503 or 429): the batch may be sent again after a pause. */
  public static final class BusyException extends IOException {
    BusyException(String message) {
      super(message);
    }
  }

  /**
   * Sends images to {@code POST /api/images/batch}; already-indexed ones are skipped by the server.
   *
   * @throws BusyException when the server answers 503 or 429
   * @throws IOException for any other answer but 200, or a failed connection
   */
  public BatchAnswer addBatch(List<BatchItem> items) throws IOException, InterruptedException {
    Multipart body = new Multipart();
    for (BatchItem item : items) {
      body.file("image", item.bytes()).field("uri", item.uri());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve("/api/images/batch?skipExisting=true"))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", Multipart.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.build()));
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() == 503 || response.statusCode() == 429) {
      throw new BusyException("the server is busy (" + response.statusCode() + ")");
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "the server answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer = JSON.readTree(response.body());
    List<BatchAnswer.Failure> failed = new ArrayList<>();
    for (JsonNode failure : answer.get("failed")) {
      failed.add(
          new BatchAnswer.Failure(failure.get("position").asInt(), failure.get("reason").asText()));
    }
    return new BatchAnswer(answer.get("added").asInt(), answer.get("skipped").asInt(), failed);
  }
}
