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

/** A value outside its range stops start-up, naming the property, not at the first index open. */
@QuarkusMainTest
@TestProfile(InvalidRangeTest.OutOfRange.class)
class InvalidRangeTest {

  public static class OutOfRange implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "lookalike.index.hnsw-max-conn",
          "1",
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
    assertTrue(output.contains("lookalike.index.hnsw-max-conn"), output);
  }
}
