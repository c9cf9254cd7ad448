package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A checkpoint interval over an hour stops start-up (the log would grow without bound). */
@QuarkusMainTest
@TestProfile(InvalidCheckpointIntervalTest.TooLong.class)
class InvalidCheckpointIntervalTest extends InvalidConfigurationTest {

  public static class TooLong extends BadValue {
    public TooLong() {
      super("lookalike.index.checkpoint-interval", "PT2H");
    }
  }

  @Override
  String property() {
    return "lookalike.index.checkpoint-interval";
  }

  @Override
  String value() {
    return "PT2H";
  }
}
