package dev.lookalike.api;

import dev.lookalike.app.SampleCollection;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.model.CodeModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the model and the index are open and the sample question is settled. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject
  CodeModel model;

  @Inject
  ImageIndex index;

  @Inject
  SampleCollection sample;

  @Override
  public HealthCheckResponse call() {
    try {
      long count = index.count();
      return HealthCheckResponse.named("lookalike")
          .status(sample.settled() || count > 0)
          .withData("model", model.fingerprint())
          .withData("images", count)
          .build();
    } catch (java.io.IOException | RuntimeException e) {
      return HealthCheckResponse.named("lookalike").down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
