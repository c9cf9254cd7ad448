package dev.lookalike.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The calls a load generator makes on a running server, over one shared HTTP/1.1 client. */
public final class ServerClient {

  private static final String BOUNDARY = "lookalike-bench-boundary";
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

  /** A search request for {@code image}, built once so a load can send it many times. */
  HttpRequest searchRequest(byte[] image, String query) {
    return HttpRequest.newBuilder(server.resolve("/api/search?" + query))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(image, Map.of())))
        .build();
  }

  /** The status of a request whose body is not needed. */
  int status(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The answer to a request, body as text. */
  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Adds an image under {@code uri}; its id once acknowledged (201), empty otherwise. */
  Optional<String> add(byte[] image, String uri) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.resolve("/api/images"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(image, Map.of("uri", uri))));
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    HttpResponse<String> response = send(request.build());
    return response.statusCode() == 201
        ? Optional.of(JSON.readTree(response.body()).get("id").asText())
        : Optional.empty();
  }

  /** Deletes an image; true once acknowledged (204). */
  boolean delete(String id) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                server.resolve("/api/images/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .DELETE();
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    return status(request.build()) == 204;
  }

  /** The number of images the server holds ({@code GET /api/stats}). */
  long count() throws IOException, InterruptedException {
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

  private static byte[] multipart(byte[] image, Map<String, String> fields) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(image.length + 512);
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(BOUNDARY)
        .append("\r\nContent-Disposition: form-data; name=\"image\"; filename=\"image\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(image);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }
}
