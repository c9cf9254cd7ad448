package dev.lookalike.cli;

import java.util.List;

/**
 * Settings that must be in place before Quarkus starts, derived from the command line: a CLI
 * command must not bind the HTTP port or print logs on stdout (where {@code --json} output goes),
 * and {@code serve}'s options become the server's configuration.
 */
final class LaunchSettings {

  private LaunchSettings() {}

  static void apply(String... args) {
    boolean serve = args.length == 0 || args[0].equals("serve") || args[0].startsWith("-");
    if (!serve) {
      setIfAbsent("quarkus.http.host-enabled", "false");
      setIfAbsent("quarkus.log.console.stderr", "true");
      setIfAbsent("quarkus.log.level", "WARN");
      setIfAbsent("quarkus.banner.enabled", "false");
      return;
    }
    List<String> options = List.of(args);
    for (int i = 0; i < options.size() - 1; i++) {
      switch (options.get(i)) {
        case "--port", "-p" -> setIfAbsent("quarkus.http.port", options.get(i + 1));
        case "--index" -> setIfAbsent("lookalike.index.dir", options.get(i + 1));
        case "--model" -> setIfAbsent("lookalike.model.dir", options.get(i + 1));
        default -> {}
      }
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
