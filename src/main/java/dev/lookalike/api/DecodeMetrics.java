package dev.lookalike.api;

import dev.lookalike.app.Components;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The decode budget in use ({@code /q/metrics}): near the budget means uploads are about to wait or
 * be refused with 503.
 */
@Singleton
public class DecodeMetrics implements MeterBinder {

  @Inject Instance<Components> components;

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lookalike.decode.pixels", this, DecodeMetrics::pixelsInUse)
        .description("Pixels being decoded now, out of lookalike.image.decode-budget-megapixels")
        .register(registry);
  }

  private double pixelsInUse() {
    return components.get().decodeBudget().pixelsInUse();
  }
}
