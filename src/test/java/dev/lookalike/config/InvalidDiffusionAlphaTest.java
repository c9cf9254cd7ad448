package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A nested diffusion setting outside its open range stops start-up, not the first search. */
@QuarkusMainTest
@TestProfile(InvalidDiffusionAlphaTest.AlphaOne.class)
class InvalidDiffusionAlphaTest extends InvalidConfigurationTest {

  public static class AlphaOne extends BadValue {
    public AlphaOne() {
      super("lookalike.index.diffusion.alpha", "1.25");
    }
  }

  @Override
  String property() {
    return "lookalike.index.diffusion.alpha";
  }

  @Override
  String value() {
    return "1.25";
  }
}
