package dev.lookalike.config;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A typo in the default search mode stops start-up, naming the property, before any request. */
@QuarkusMainTest
@TestProfile(InvalidDefaultModeTest.Typo.class)
class InvalidDefaultModeTest {

  public static class Typo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "lookalike.search.default-mode",
          "hybird",
          "quarkus.http.host-enabled",
          "false",
          "lookalike.sample.enabled",
          "false");
    }
  }

  @Test
  void startUpFailsNamingTheProperty(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("--version");
    String output = result.getOutput() + result.getErrorOutput();
    assertNotEquals(0, result.exitCode(), output);
    assertTrue(output.contains("lookalike.search.default-mode"), output);
    assertTrue(output.contains("hybird"), output);
  }
}
