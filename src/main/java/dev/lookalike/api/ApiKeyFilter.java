package dev.lookalike.api;

import dev.lookalike.config.ApiConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Refuses writes without the configured API key (401, before the upload is read). Compares in
 * constant time so the key cannot be guessed byte by byte from response times.
 */
@Provider
@RequiresApiKey
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "X-Api-Key";

  // Looked up per request: JAX-RS providers are created before configuration mappings exist.
  @Inject Instance<ApiConfig> config;

  @Override
  public void filter(ContainerRequestContext request) {
    config
        .get()
        .apiKey()
        .filter(key -> !key.isEmpty())
        .ifPresent(key -> check(key, request, "adding and deleting images"));
  }

  /** Aborts {@code request} with 401 unless its header carries {@code key}. */
  static void check(String key, ContainerRequestContext request, String action) {
    String given = request.getHeaderString(HEADER);
    if (given == null
        || !MessageDigest.isEqual(
            key.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      request.abortWith(
          Problem.response(
              Response.Status.UNAUTHORIZED,
              "api-key-required",
              "API key required",
              given == null
                  ? action + " needs the " + HEADER + " header"
                  : "the " + HEADER + " header does not match the server's key"));
    }
  }
}
