package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A copy-check sketch reach beyond its bound stops start-up, not the first search by image. */
@QuarkusMainTest
@TestProfile(InvalidCopySketchReachTest.OutOfRange.class)
class InvalidCopySketchReachTest extends InvalidConfigurationTest {

  public static class OutOfRange extends BadValue {
    public OutOfRange() {
      super("lookalike.search.copy-check.sketch-reach", "1001");
    }
  }

  @Override
  String property() {
    return "lookalike.search.copy-check.sketch-reach";
  }

  @Override
  String value() {
    return "1001";
  }
}
