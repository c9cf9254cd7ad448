package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A value outside its range stops start-up, not the first index open. */
@QuarkusMainTest
@TestProfile(InvalidRangeTest.OutOfRange.class)
class InvalidRangeTest extends InvalidConfigurationTest {

  public static class OutOfRange extends BadValue {
    public OutOfRange() {
      super("lookalike.index.hnsw-max-conn", "777");
    }
  }

  @Override
  String property() {
    return "lookalike.index.hnsw-max-conn";
  }

  @Override
  String value() {
    return "777";
  }
}
