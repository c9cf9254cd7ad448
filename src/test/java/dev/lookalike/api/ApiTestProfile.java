package dev.lookalike.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** A fresh index directory for each test run, a small sample and a small upload limit. */
public class ApiTestProfile implements QuarkusTestProfile {

  public static final long MAX_BYTES = 300_000;

  @Override
  public Map<String, String> getConfigOverrides() {
    try {
      return Map.of(
          "lookalike.index.dir",
          Files.createTempDirectory("lookalike-api-test").toString(),
          "lookalike.sample.limit",
          "300",
          "lookalike.image.max-bytes",
          Long.toString(MAX_BYTES),
          // the generative endpoints are tested in GenerativeApiTest; here they are off (503)
          "lookalike.vae.enabled",
          "false");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
