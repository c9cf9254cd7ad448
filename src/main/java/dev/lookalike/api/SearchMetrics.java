package dev.lookalike.api;

import dev.lookalike.search.SearchResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Search latency per mode, as Prometheus histograms ({@code lookalike_search_seconds}). */
@Singleton
public class SearchMetrics {

  @Inject MeterRegistry registry;

  void record(SearchResponse response) {
    Timer.builder("lookalike.search")
        .description("Time to answer a search: decode, encode, index lookup")
        .tag("mode", response.mode())
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos((long) (response.tookMs() * 1e6)));
  }
}
