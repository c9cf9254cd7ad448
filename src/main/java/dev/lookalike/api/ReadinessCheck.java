package dev.lookalike.api;

import dev.lookalike.collection.SampleCollection;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.index.ImageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the model and the index are open and the sample collection is settled (indexed,
 * already there, or disabled): a server still adding its sample (on start-up, {@code
 * app.SampleStartup}) would answer searches from part of it.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject CodeModel model;

  @Inject ImageIndex index;

  @Inject SampleCollection sample;

  @Override
  public HealthCheckResponse call() {
    try {
      long count = index.count();
      return HealthCheckResponse.named("lookalike")
          .status(sample.settled())
          .withData("model", model.fingerprint())
          .withData("images", count)
          .build();
    } catch (IOException | RuntimeException e) {
      return HealthCheckResponse.named("lookalike")
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
