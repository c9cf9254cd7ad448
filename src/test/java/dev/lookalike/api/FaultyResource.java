package dev.lookalike.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.IOException;

/** A test-only endpoint whose service fails the way server faults do (see ServerFaultTest). */
@Path("/test/faults")
public class FaultyResource {

  static final String SECRET = "/srv/secret/index has a 96-bit code slot";

  /** A service with bugs inside, as any could have. */
  @ApplicationScoped
  public static class FaultyService {
    String fail(String kind) throws IOException {
      return switch (kind) {
        case "argument" -> throw new IllegalArgumentException(SECRET);
        case "state" -> throw new IllegalStateException(SECRET);
        case "io" -> throw new IOException(SECRET);
        case "client" -> throw new InvalidRequestException("kind must be sensible, got: client");
        default -> kind;
      };
    }
  }

  @Inject FaultyService service;

  @GET
  @Path("/{kind}")
  public String fail(@PathParam("kind") String kind) throws IOException {
    return service.fail(kind);
  }
}
