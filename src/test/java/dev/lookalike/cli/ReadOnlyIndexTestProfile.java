package dev.lookalike.cli;

import java.util.HashMap;
import java.util.Map;

/** The CLI profile with the configured index in a fixed directory the test can inspect. */
public class ReadOnlyIndexTestProfile extends CliTestProfile {

  static final String INDEX_DIR = "target/read-only-index-test/index";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
    overrides.put("lookalike.index.dir", INDEX_DIR);
    return overrides;
  }
}
