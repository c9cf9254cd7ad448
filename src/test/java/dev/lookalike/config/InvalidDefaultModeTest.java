package dev.lookalike.config;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A typo in the default search mode stops start-up, not every search with a 400. */
@QuarkusMainTest
@TestProfile(InvalidDefaultModeTest.Typo.class)
class InvalidDefaultModeTest extends InvalidConfigurationTest {

  public static class Typo extends BadValue {
    public Typo() {
      super("lookalike.search.default-mode", "hybird");
    }
  }

  @Override
  String property() {
    return "lookalike.search.default-mode";
  }

  @Override
  String value() {
    return "hybird";
  }
}
