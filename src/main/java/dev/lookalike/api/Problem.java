package dev.lookalike.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: every error the API returns has this JSON body.
 *
 * @param type a stable identifier of the kind of problem, e.g. {@code /problems/undecodable-image}
 */
public record Problem(String type, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Response response(
      Response.Status status, String type, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new Problem("/problems/" + type, title, status.getStatusCode(), detail))
        .build();
  }
}
