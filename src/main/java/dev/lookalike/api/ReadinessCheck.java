package dev.lookalike.api;

import dev.lookalike.app.LiveDeployment;
import dev.lookalike.collection.SampleCollection;
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

  @Inject LiveDeployment live;

  @Inject SampleCollection sample;

  @Override
  public HealthCheckResponse call() {
    try {
      String model = live.read(d -> d.model().fingerprint());
      long count = live.read(d -> d.index().count());
      return HealthCheckResponse.named("lookalike")
          .status(sample.settled())
          .withData("model", model)
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
