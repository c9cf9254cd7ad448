package dev.lookalike.api;

import dev.lookalike.app.LiveDeployment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Index size gauges for Prometheus ({@code /q/metrics}). The index is looked up when scraped, not
 * when metrics are bound, so CLI runs never open it.
 */
@Singleton
public class IndexMetrics implements MeterBinder {

  @Inject Instance<LiveDeployment> live;

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lookalike.index.images", this, IndexMetrics::images)
        .description("Images in the index")
        .register(registry);
    Gauge.builder("lookalike.index.size", this, IndexMetrics::bytes)
        .baseUnit("bytes")
        .description("Size of the index on disk")
        .register(registry);
  }

  private double images() {
    try {
      return live.get().read(d -> d.index().count());
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private double bytes() {
    try {
      return live.get().read(d -> d.index().stats().sizeBytes());
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
