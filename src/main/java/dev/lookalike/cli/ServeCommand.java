package dev.lookalike.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the HTTP server until it is stopped. Its options become the server's configuration before
 * start-up ({@link LaunchSettings}); the sample collection is added on start-up ({@code
 * app.SampleStartup}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the HTTP server (the default).")
public class ServeCommand implements Runnable {

  @Option(
      names = {"--port", "-p"},
      description = "HTTP port (default 8080).")
  Integer port;

  @Mixin StoreOptions store;

  @Override
  public void run() {
    Quarkus.waitForExit();
  }
}
