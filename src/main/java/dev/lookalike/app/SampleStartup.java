package dev.lookalike.app;

import dev.lookalike.collection.SampleCollection;
import dev.lookalike.config.SampleConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Adds the sample collection to an empty index when the server starts, in the background so that
 * the HTTP port opens at once; readiness stays down until it is settled. CLI commands start with
 * {@code lookalike.sample.enabled=false}, so they never load a model or lock an index for it.
 */
@Singleton
public class SampleStartup {

  private static final Logger LOG = Logger.getLogger(SampleStartup.class);

  /** How long shutdown waits for a sample still being indexed before closing the index. */
  private static final long STOP_WAIT_SECONDS = 30;

  private final SampleCollection sample;
  private final SampleConfig config;
  // looked up on first use: a CLI command never opens the index for the sample
  private final Instance<LiveDeployment> live;
  private final ExecutorService executor;

  public SampleStartup(
      SampleCollection sample, SampleConfig config, Instance<LiveDeployment> live) {
    this.sample = sample;
    this.config = config;
    this.live = live;
    // Daemon: a sample still being indexed never holds the JVM up once the server has stopped.
    this.executor =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("sample-indexer").daemon().factory());
  }

  void start(@Observes StartupEvent event) {
    if (config.enabled()) {
      executor.execute(this::indexSample);
    }
  }

  /**
   * Indexes the sample into the live index if enabled and the index is empty; returns how many
   * images were added.
   */
  public int ensureIndexed() throws IOException {
    return live.get().write(d -> sample.ensureIndexed(d.pipeline(), d.model(), d.index()));
  }

  private void indexSample() {
    try {
      ensureIndexed();
    } catch (IOException | RuntimeException e) {
      LOG.error("Could not index the sample collection", e);
    }
  }

  // On ShutdownEvent, before the container disposes of the index the task writes to.
  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    executor.shutdownNow();
    if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
      LOG.warn("The sample collection was still being indexed at shutdown");
    }
  }
}
