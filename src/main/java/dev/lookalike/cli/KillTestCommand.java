package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.bench.KillRestarts;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kill -9} restarts of a server under concurrent uploads: nothing acknowledged is lost. */
@Command(
    name = "killtest",
    mixinStandardHelpOptions = true,
    description = {
      "Start a server on --index, upload distinct images from --uploaders clients, kill it with"
          + " kill -9 after a random time between --shortest and --longest, check the index it"
          + " left (CheckIndex), restart it and check that every upload answered 201 so far is"
          + " there; --rounds times, then stop it in order and check the index again.",
      "Exit code 0 when no acknowledged upload went missing, 1 otherwise."
    })
@Dependent
@Unremovable
public class KillTestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Mixin LoadImages images;

  @Option(
      names = "--index",
      required = true,
      description = "The embedded index the server runs on (created when missing).")
  Path index;

  @Option(names = "--port", defaultValue = "8096", description = "The server's port.")
  int port;

  @Option(
      names = "--rounds",
      defaultValue = "20",
      description = "Kills (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--uploaders",
      defaultValue = "8",
      description = "Concurrent uploaders (default ${DEFAULT-VALUE}).")
  int uploaders;

  @Option(
      names = "--shortest",
      defaultValue = "3s",
      converter = DurationConverter.class,
      description = "Least load before a kill (default ${DEFAULT-VALUE}).")
  Duration shortest;

  @Option(
      names = "--longest",
      defaultValue = "8s",
      converter = DurationConverter.class,
      description = "Most load before a kill (default ${DEFAULT-VALUE}).")
  Duration longest;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the load times.")
  long seed;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    KillRestarts.Settings settings =
        new KillRestarts.Settings(rounds, uploaders, shortest, longest, seed);
    Path serverLog = index.toAbsolutePath().resolveSibling(index.getFileName() + "-server.log");
    KillRestarts.Report report =
        new KillRestarts(
                index.toAbsolutePath(),
                port,
                serverLog,
                images.load(components),
                settings,
                Lines.flushedTo(out))
            .run();
    out.printf(
        "%d kill -9 restarts: %d uploads acknowledged, %d missing after a restart; the index"
            + " holds %d images after the orderly stop (CheckIndex clean); server output in %s%n",
        report.rounds().size(),
        report.acknowledged(),
        report.missing(),
        report.finalCount(),
        serverLog);
    return report.missing() == 0 ? 0 : 1;
  }
}
