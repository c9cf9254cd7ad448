package dev.lookalike.api;

import dev.lookalike.config.ApiConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Admin actions need the API key, and are off (403) while none is configured: a server left open
 * for uploads must not also hand out copies of its whole index.
 */
@Provider
@RequiresAdminKey
public class AdminKeyFilter implements ContainerRequestFilter {

  // Looked up per request: JAX-RS providers are created before configuration mappings exist.
  @Inject Instance<ApiConfig> config;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> key = config.get().apiKey().filter(k -> !k.isEmpty());
    if (key.isEmpty()) {
      request.abortWith(
          Problem.response(
              Response.Status.FORBIDDEN,
              "admin-off",
              "Admin actions are off",
              "admin actions need an API key; set lookalike.api-key on the server"));
      return;
    }
    ApiKeyFilter.check(key.get(), request, "admin actions");
  }
}
