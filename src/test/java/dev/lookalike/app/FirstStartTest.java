package dev.lookalike.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lookalike.index.ImageIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server's first start on an empty index: start-up alone (nothing in the test asks for it) adds
 * the sample, and readiness turns UP once it is all there.
 */
@QuarkusTest
@TestProfile(FirstStartTest.EmptyIndex.class)
class FirstStartTest {

  static final int LIMIT = 37;

  public static class EmptyIndex implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        return Map.of(
            "lookalike.index.dir",
            Files.createTempDirectory("lookalike-first-start").toString(),
            "lookalike.sample.limit",
            Integer.toString(LIMIT),
            "lookalike.vae.enabled",
            "false");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Inject ImageIndex index;

  @Test
  void theSampleIsIndexedOnStartAndReadinessTurnsUp() throws Exception {
    Response ready = awaitReady(120_000);
    assertEquals("UP", ready.path("status"));
    assertEquals(LIMIT, index.count());
    assertEquals(LIMIT, ready.<Integer>path("checks[0].data.images"));
  }

  private static Response awaitReady(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      Response response = given().when().get("/q/health/ready");
      if (response.statusCode() == 200) {
        return response;
      }
      assertEquals(503, response.statusCode(), response.asString());
      Thread.sleep(200);
    }
    fail("readiness did not turn UP within " + timeoutMillis + " ms");
    return null;
  }
}
