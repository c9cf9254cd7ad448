package dev.lookalike.cli;

import dev.lookalike.collection.SampleCollection;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the HTTP server; indexes the bundled sample first when the index is empty. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP server (the default).")
@Dependent
@Unremovable
public class ServeCommand implements Runnable {

  private static final Logger LOG = Logger.getLogger(ServeCommand.class);

  // The options are applied before start-up (LaunchSettings); declared here for --help and parsing.
  @Option(
      names = {"--port", "-p"},
      description = "HTTP port (default 8080).")
  Integer port;

  @Mixin StoreOptions store;

  @Inject SampleCollection sample;

  @Override
  public void run() {
    Thread.ofPlatform()
        .name("sample-indexer")
        .daemon()
        .start(
            () -> {
              try {
                sample.ensureIndexed();
              } catch (RuntimeException e) {
                LOG.error("Could not index the sample collection: " + e.getMessage(), e);
              }
            });
    Quarkus.waitForExit();
  }
}
