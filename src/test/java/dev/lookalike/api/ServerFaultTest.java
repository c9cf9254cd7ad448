package dev.lookalike.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;

/**
 * Server faults answer 500 with a generic problem document, whatever the exception's type; only a
 * refused client input answers 400 with its message.
 */
@QuarkusTest
@TestProfile(ServerFaultTest.NoSample.class)
class ServerFaultTest {

  public static class NoSample implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("lookalike.sample.enabled", "false", "lookalike.vae.enabled", "false");
    }
  }

  @Test
  void faultsFromInsideAServiceAre500sWithoutInternals() {
    for (String kind : List.of("argument", "state", "io")) {
      String body =
          given()
              .when()
              .get("/test/faults/" + kind)
              .then()
              .statusCode(500)
              .contentType(Problem.MEDIA_TYPE)
              .body("type", equalTo("/problems/internal-error"))
              .body("status", equalTo(500))
              .extract()
              .asString();
      for (String leak : List.of("secret", "96-bit", "Exception", "dev.lookalike", "at ")) {
        MatcherAssert.assertThat(kind, body, not(containsString(leak)));
      }
    }
  }

  @Test
  void refusedClientInputIsA400WithItsMessage() {
    given()
        .when()
        .get("/test/faults/client")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("/problems/bad-request"))
        .body("detail", equalTo("kind must be sensible, got: client"));
    given().when().get("/test/faults/fine").then().statusCode(200).body(equalTo("fine"));
  }
}
