package dev.lookalike.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body built part by part, in order. */
final class Multipart {

  static final String BOUNDARY = "lookalike-client-boundary";
  static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart field(String name, String value) {
    head("form-data; name=\"" + name + "\"", null);
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  Multipart file(String name, byte[] bytes) {
    head("form-data; name=\"" + name + "\"; filename=\"" + name + "\"", "application/octet-stream");
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  byte[] build() {
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private void head(String disposition, String type) {
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: "
            + disposition
            + "\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n")
            + "\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
  }
}
