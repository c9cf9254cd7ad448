package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.bench.SoakReport;
import dev.lookalike.bench.SoakRun;
import dev.lookalike.bench.SoakSettings;
import dev.lookalike.client.ServerClient;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A bounded soak of a running server: mixed searches, adds and deletes, checked at the end. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Soak a running server: searches alone for --idle, then searches, adds and deletes together"
          + " for --duration, a line per --interval (latency, writes, errors, the server's RSS with"
          + " --pid). Writes send LOOKALIKE_API_KEY when set.",
      "Exit code 0 when no request failed and the final count equals what was acknowledged,"
          + " 1 otherwise."
    })
@Dependent
@Unremovable
public class SoakCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Mixin LoadImages images;

  @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The server.")
  URI url;

  @Option(
      names = "--duration",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "Time under mixed load (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--idle",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Time of searches alone first (default ${DEFAULT-VALUE}).")
  Duration idle;

  @Option(names = "--searchers", defaultValue = "4", description = "Search clients.")
  int searchers;

  @Option(names = "--writers", defaultValue = "2", description = "Add/delete clients.")
  int writers;

  @Option(
      names = "--delete-share",
      defaultValue = "0.3",
      description = "Chance of a delete after each add (default ${DEFAULT-VALUE}).")
  double deleteShare;

  @Option(
      names = "--add-rate",
      defaultValue = "0",
      description =
          "Adds per second per writer, paced; 0 sends one after another (default ${DEFAULT-VALUE}).")
  double addRate;

  @Option(
      names = "--interval",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Report interval (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--pid", description = "The server's process id, to report its RSS.")
  Long pid;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    List<byte[]> bodies = images.load(components);
    SoakSettings settings =
        new SoakSettings(
            idle,
            duration,
            searchers,
            writers,
            deleteShare,
            addRate,
            interval,
            pid == null ? OptionalLong.empty() : OptionalLong.of(pid));
    ServerClient client = ServerClient.withKeyFromEnvironment(url);
    SoakReport report = new SoakRun(client, bodies, settings, Lines.flushedTo(out)).run();
    out.printf(
        "search p99: idle %.2f ms, under load %.2f ms (%.2fx); errors %d; server RSS growth after"
            + " the first loaded interval: %s%n",
        report.idleP99Ms(),
        report.loadedP99Ms(),
        report.loadedP99Ms() / report.idleP99Ms(),
        report.errors(),
        Double.isNaN(report.rssGrowth())
            ? "not measured (--pid)"
            : String.format("%.1f %%", 100 * report.rssGrowth()));
    return report.countExactWithoutErrors() ? 0 : 1;
  }
}
