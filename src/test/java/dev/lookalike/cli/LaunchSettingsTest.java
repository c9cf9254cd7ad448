package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What picocli's parse of the command line sets before Quarkus starts. */
class LaunchSettingsTest {

  @Test
  void serveOptionsBecomeTheServerConfiguration() {
    assertEquals(
        Map.of(
            "quarkus.http.port", "9091",
            "lookalike.index.dir", "/tmp/idx",
            "lookalike.model.dir", "/tmp/model"),
        LaunchSettings.properties(
            "serve", "--index=/tmp/idx", "-p", "9091", "--model", "/tmp/model"));
    assertEquals(Map.of(), LaunchSettings.properties("serve"));
    // no command at all serves too
    assertEquals(Map.of(), LaunchSettings.properties());
  }

  @Test
  void everythingElseRunsAsACommandWithoutPortOrSample() {
    // an option value that looks like serve's must not be read as serve's
    for (String[] args :
        new String[][] {
          {"search", "--index", "/tmp/idx", "q.png"},
          {"evaluate", "serve"},
          {"--help"},
          {"serve", "--help"},
          {"serve", "--no-such-option"},
          {"no-such-command"}
        }) {
      assertEquals(LaunchSettings.CLI, LaunchSettings.properties(args), String.join(" ", args));
    }
    assertEquals("false", LaunchSettings.CLI.get("quarkus.http.host-enabled"));
    assertEquals("false", LaunchSettings.CLI.get("lookalike.sample.enabled"));
  }

  @Test
  void commandsThatEncodeBesideAWriterRunPyTorchOnOneThread() {
    for (String[] args :
        new String[][] {
          {"index", "serve"}, {"index", "/tmp/photos", "--index", "/tmp/idx"}, {"reindex", "--help"}
        }) {
      Map<String, String> properties = LaunchSettings.properties(args);
      boolean help = args[args.length - 1].equals("--help");
      assertEquals(
          help ? null : "1", properties.get(LaunchSettings.TORCH_THREADS), String.join(" ", args));
      assertEquals("false", properties.get("quarkus.http.host-enabled"));
    }
    assertNull(LaunchSettings.properties("search", "q.png").get(LaunchSettings.TORCH_THREADS));
    assertNull(LaunchSettings.properties("serve").get(LaunchSettings.TORCH_THREADS));
  }
}
