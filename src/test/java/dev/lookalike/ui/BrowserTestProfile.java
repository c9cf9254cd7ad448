package dev.lookalike.ui;

import dev.lookalike.api.ApiTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The API test setup with the web UI built and served by Quinoa, as in production, and the shipped
 * VAE (no {@code lookalike.vae.dir}): the variants in the README's screenshots are real garments.
 */
public class BrowserTestProfile extends ApiTestProfile {

  /** Sample images indexed: enough for a map worth a screenshot, few enough to index quickly. */
  static final int SAMPLE_LIMIT = 300;

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    config.put("quarkus.quinoa", "true");
    config.put("lookalike.api-key", BrowserTest.API_KEY);
    config.put("lookalike.vae.enabled", "true");
    config.put("lookalike.sample.limit", Integer.toString(SAMPLE_LIMIT));
    return config;
  }
}
