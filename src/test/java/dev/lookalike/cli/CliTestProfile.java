package dev.lookalike.cli;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** CLI runs bind no port, as in production (LaunchSettings). */
public class CliTestProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.http.host-enabled", "false", "lookalike.sample.enabled", "false");
  }
}
