package dev.lookalike.app;

import dev.lookalike.client.ServerClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server run as a process on an embedded index, without the bundled sample, for the
 * drivers and tests that kill one: started, waited for, killed ({@code SIGKILL}) or stopped.
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final ServerClient client;

  private ServerProcess(Process process, Path log, ServerClient client) {
    this.process = process;
    this.log = log;
    this.client = client;
  }

  /**
   * Starts a server on {@code index} at {@code port} and waits until it is ready.
   *
   * @param log where its output is appended
   * @param apiKey the key it requires for writes, if any; the returned client sends it
   */
  public static ServerProcess start(Path index, int port, Path log, Optional<String> apiKey)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                PackagedApp.command(
                    "serve", "--port", Integer.toString(port), "--index", index.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("LOOKALIKE_SAMPLE_ENABLED", "false");
    builder.environment().remove("LOOKALIKE_API_KEY"); // only the key given here
    apiKey.ifPresent(key -> builder.environment().put("LOOKALIKE_API_KEY", key));
    ServerClient client = new ServerClient(URI.create("http://127.0.0.1:" + port), apiKey);
    ServerProcess server = new ServerProcess(builder.start(), log, client);
    try {
      server.awaitReady(Duration.ofMinutes(2));
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.process.destroyForcibly();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!client.ready()) {
      if (!process.isAlive()) {
        throw new IOException(
            "the server exited with code " + process.exitValue() + " before it was ready: " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the server was not ready within " + timeout + ": " + log);
      }
      Thread.sleep(200);
    }
  }

  /** A client of this server. */
  public ServerClient client() {
    return client;
  }

  /** {@code kill -9}: the server gets no chance to finish anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** An orderly stop ({@code SIGTERM}), which commits the index; a kill after a minute. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      kill();
    }
  }
}
