package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A copy-check margin outside [0, 1] stops start-up, not the first search by image. */
@QuarkusMainTest
@TestProfile(InvalidCopyMarginTest.OutOfRange.class)
class InvalidCopyMarginTest extends InvalidConfigurationTest {

  public static class OutOfRange extends BadValue {
    public OutOfRange() {
      super("lookalike.search.copy-check.margin", "-0.1");
    }
  }

  @Override
  String property() {
    return "lookalike.search.copy-check.margin";
  }

  @Override
  String value() {
    return "-0.1";
  }
}
