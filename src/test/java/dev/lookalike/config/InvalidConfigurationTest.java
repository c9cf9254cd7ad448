package dev.lookalike.config;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad configuration value stops start-up with a message naming the property and the value, before
 * any request or index open. Subclasses name the value through their test profile.
 */
abstract class InvalidConfigurationTest {

  /** A profile that sets one bad value on a server that would otherwise start quietly. */
  abstract static class BadValue implements QuarkusTestProfile {
    private final String property;
    private final String value;

    BadValue(String property, String value) {
      this.property = property;
      this.value = value;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          property,
          value,
          "quarkus.http.host-enabled",
          "false",
          "lookalike.sample.enabled",
          "false");
    }
  }

  abstract String property();

  abstract String value();

  @Test
  void startUpFailsNamingThePropertyAndTheValue(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("--version");
    String output = result.getOutput() + result.getErrorOutput();
    assertNotEquals(0, result.exitCode(), output);
    assertTrue(output.contains(property()), output);
    assertTrue(output.contains(value()), output);
  }
}
