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

  private LaunchSettings() {}

  static void apply(String... args) {
    properties(args).forEach(LaunchSettings::setIfAbsent);
  }

  /** The properties the command line implies. */
  static Map<String, String> properties(String... args) {
    Optional<ServeCommand> serve = serve(LookalikeMain.command(args));
    if (serve.isEmpty()) {
      return CLI;
    }
    Map<String, String> server = new LinkedHashMap<>();
    ServeCommand options = serve.get();
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

  /** The parsed {@code serve} command, or empty when the command line runs anything else. */
  private static Optional<ServeCommand> serve(String... command) {
    // Plain instances, not CDI beans: this runs before the container exists.
    CommandLine line = new CommandLine(LookalikeCommand.class, CommandLine.defaultFactory());
    try {
      ParseResult sub = line.parseArgs(command).subcommand();
      if (sub == null || sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) {
        return Optional.empty();
      }
      return sub.commandSpec().userObject() instanceof ServeCommand serve
          ? Optional.of(serve)
          : Optional.empty();
    } catch (ParameterException e) {
      // picocli reports it when the command runs; nothing to serve meanwhile.
      return Optional.empty();
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
