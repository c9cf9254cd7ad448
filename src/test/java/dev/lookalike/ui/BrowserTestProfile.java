package dev.lookalike.ui;

import dev.lookalike.api.ApiTestProfile;
import java.util.HashMap;
import java.util.Map;

/** The API test setup with the web UI built and served by Quinoa, as in production. */
public class BrowserTestProfile extends ApiTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    config.put("quarkus.quinoa", "true");
    config.put("lookalike.api-key", BrowserTest.API_KEY);
    config.put("lookalike.vae.enabled", "true");
    config.put("lookalike.vae.dir", "src/test/resources/vae-tiny");
    return config;
  }
}
