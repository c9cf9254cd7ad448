package dev.lookalike.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Settings that must be in place before Quarkus starts, read from picocli's parse of the command
 * line: a CLI command must not bind the HTTP port, add the sample collection or print logs on
 * stdout (where {@code --json} output goes), and {@code serve}'s options become the server's
 * configuration. Set as system properties unless already set.
 */
final class LaunchSettings {

  /** For everything but {@code serve}, including help and command lines that do not parse. */
  static final Map<String, String> CLI =
      Map.of(
          "quarkus.http.host-enabled", "false",
          "quarkus.log.console.stderr", "true",
          "quarkus.log.level", "WARN",
          "quarkus.banner.enabled", "false",
          "lookalike.sample.enabled", "false");

  /** DJL's PyTorch engine reads it when it loads. */
  static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

  private LaunchSettings() {}

  static void apply(String... args) {
    properties(args).forEach(LaunchSettings::setIfAbsent);
  }

  /**
   * PyTorch's intra-op threads for the commands that encode beside an index writer: one. The writer
   * and Lucene's merges need the other core, and a second OpenMP worker spins on it between
   * batches: indexing 100,000 synthetic images ran at 1,294–1,359 images/s with two threads and
   * 1,544–1,701 with one (BENCHMARKS.md, issue 12, fourth part). A server showed no difference.
   */
  static final Map<String, String> WRITING = Map.of(TORCH_THREADS, "1");

  /** The properties the command line implies. */
  static Map<String, String> properties(String... args) {
    Optional<Object> command = parsed(LookalikeMain.command(args));
    if (command.isPresent() && command.get() instanceof ServeCommand serve) {
      return server(serve);
    }
    if (command.isPresent()
        && (command.get() instanceof IndexCommand || command.get() instanceof ReindexCommand)) {
      Map<String, String> writing = new LinkedHashMap<>(CLI);
      writing.putAll(WRITING);
      return writing;
    }
    return CLI;
  }

  private static Map<String, String> server(ServeCommand options) {
    Map<String, String> server = new LinkedHashMap<>();
    if (options.port != null) {
      server.put("quarkus.http.port", options.port.toString());
    }
    if (options.store.index != null) {
      server.put("lookalike.index.dir", options.store.index.toString());
    }
    if (options.store.model != null) {
      server.put("lookalike.model.dir", options.store.model.toString());
    }
    return server;
  }

  /** The command the command line runs, parsed; empty for help and lines that do not parse. */
  private static Optional<Object> parsed(String... command) {
    // Plain instances, not CDI beans: this runs before the container exists.
    CommandLine line = new CommandLine(LookalikeCommand.class, CommandLine.defaultFactory());
    try {
      ParseResult sub = line.parseArgs(command).subcommand();
      if (sub == null || sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) {
        return Optional.empty();
      }
      return Optional.of(sub.commandSpec().userObject());
    } catch (ParameterException e) {
      // picocli reports it when the command runs; nothing to set meanwhile.
      return Optional.empty();
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
