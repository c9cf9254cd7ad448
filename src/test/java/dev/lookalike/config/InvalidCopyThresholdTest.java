package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A copy-check threshold outside [0, 1] stops start-up, not the first search by image. */
@QuarkusMainTest
@TestProfile(InvalidCopyThresholdTest.OutOfRange.class)
class InvalidCopyThresholdTest extends InvalidConfigurationTest {

  public static class OutOfRange extends BadValue {
    public OutOfRange() {
      super("lookalike.search.copy-check.threshold", "1.5");
    }
  }

  @Override
  String property() {
    return "lookalike.search.copy-check.threshold";
  }

  @Override
  String value() {
    return "1.5";
  }
}
