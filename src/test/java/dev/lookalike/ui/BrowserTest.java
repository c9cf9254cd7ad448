package dev.lookalike.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.lookalike.api.SampleImages;
import dev.lookalike.app.SampleStartup;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI in a real browser (Debian's Chromium, driven by Playwright) against the real server
 * with the shipped model and VAE: upload, results, modes, click-to-search, variants, errors,
 * collection, map, and the API-key flow. The screenshots it takes are the README's.
 */
@QuarkusTest
@TestProfile(BrowserTestProfile.class)
class BrowserTest {

  static final String API_KEY = "ui-test-key";

  /** A sample image beyond {@link BrowserTestProfile#SAMPLE_LIMIT}: never in the index. */
  private static final int UNINDEXED = 4321;

  private static Chromium chromium;

  @TestHTTPResource("/")
  URL root;

  @Inject SampleStartup sample;

  @Inject ImageIndex index;

  private UiPage ui;

  /** What the browser reported as blocked by the page's Content-Security-Policy. */
  private final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void startBrowser() {
    chromium = new Chromium();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void open() throws IOException {
    sample.ensureIndexed();
    ui =
        new UiPage(
            chromium
                .browser()
                .newPage(
                    // reduced motion: cards appear at once, so screenshots never catch them fading
                    // in
                    new Browser.NewPageOptions()
                        .setViewportSize(1280, 900)
                        .setReducedMotion(ReducedMotion.REDUCE)));
    ui.page()
        .onConsoleMessage(
            message -> {
              if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
              }
            });
    Response page = ui.page().navigate(root.toString());
    assertTrue(
        page.headers().getOrDefault("content-security-policy", "").contains("script-src 'self'"),
        "the UI is served with its Content-Security-Policy");
    ui.byTestId("drop-zone").waitFor();
  }

  @AfterEach
  void close() {
    ui.page().close();
    assertEquals(List.of(), policyViolations, "the UI broke its own Content-Security-Policy");
  }

  private static List<String> apiSearch(byte[] query, String parameters) {
    return given()
        .multiPart("image", "q.png", query, "image/png")
        .when()
        .post("/api/search?" + parameters)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("hits.id");
  }

  private Locator cards() {
    return ui.cards();
  }

  @Test
  void uploadShowsTheApiResultsAndAClickSearchesByTheClickedImage() throws IOException {
    byte[] query = SampleImages.png(UNINDEXED);
    List<String> api = apiSearch(query, "k=10");

    ui.upload("query.png", query);
    ui.awaitShown(api, "the UI shows the API's hits for the upload, in order");
    assertTrue(ui.byTestId("query-image").isVisible());
    assertTrue(
        ui.byTestId("took").innerText().matches("(?s).*\\d.*"), ui.byTestId("took").innerText());
    Locator variants = ui.byTestId("variant-image");
    ui.await(() -> variants.count() == 8);
    assertEquals(8, variants.count(), "the variants panel shows the VAE's variants of the query");
    ui.screenshot("search.png", true);

    String clicked = api.get(3);
    List<String> similar =
        given()
            .when()
            .get("/api/images/" + clicked + "/similar?k=10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("hits.id");
    Request request =
        ui.requestMadeBy("/similar", () -> cards().nth(3).locator("img").first().click());
    assertTrue(request.url().contains("/api/images/" + clicked + "/similar"), request.url());
    ui.awaitShown(similar, "a click searches by the clicked image");
    assertNotEquals(api, similar);
  }

  @Test
  void theVariantsPanelShowsVaeVariantsAndAMorphToAResult() throws IOException {
    ui.upload("query.png", SampleImages.png(12));
    cards().first().waitFor();
    Locator variants = ui.byTestId("variant-image");
    ui.await(() -> variants.count() == 8);
    assertEquals(8, variants.count());
    assertTrue(variants.first().getAttribute("src").startsWith("data:image/png;base64,"));
    ui.requestMadeBy("/api/interpolate", () -> cards().nth(2).getByTestId("morph-button").click());
    Locator strip = ui.byTestId("interpolation-image");
    ui.await(() -> strip.count() == 8);
    assertEquals(8, strip.count());
    ui.screenshot("variants.png", true);
    assertEquals(10, cards().count(), "morphing does not replace the results");
  }

  @Test
  void anInvalidFileShowsAReadableError() throws IOException {
    ui.upload("notes.png", "these are notes, not a picture".getBytes());
    Locator error = ui.byTestId("error");
    error.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    assertTrue(error.innerText().toLowerCase().contains("not an image"), error.innerText());
    ui.screenshot("error.png", false);
  }

  @Test
  void theModeAndKControlsDecideTheSearch() {
    byte[] query = SampleImages.png(UNINDEXED);
    List<String> hash = apiSearch(query, "k=20&mode=hash");
    List<String> exact = apiSearch(query, "k=20&mode=exact");
    assertNotEquals(hash, exact, "the two modes must rank differently for this test to mean much");
    assertEquals(20, hash.size());

    ui.byTestId("k-select").selectOption("20");
    ui.byTestId("mode-select").selectOption("hash");
    Request first = ui.requestMadeBy("/api/search", () -> ui.upload("query.png", query));
    assertTrue(first.url().contains("mode=hash"), first.url());
    assertTrue(first.url().contains("k=20"), first.url());
    ui.awaitShown(hash, "hash mode shows the API's hash-mode hits");

    // changing the mode searches again with the same upload
    Request second =
        ui.requestMadeBy("/api/search", () -> ui.byTestId("mode-select").selectOption("exact"));
    assertTrue(second.url().contains("mode=exact"), second.url());
    ui.awaitShown(exact, "exact mode shows the API's exact-mode hits");
  }

  @Test
  void thePhoneLayoutStillShowsResults() throws IOException {
    ui.page().setViewportSize(390, 844);
    byte[] query = SampleImages.png(5);
    ui.upload("query.png", query);
    ui.awaitShown(apiSearch(query, "k=10"), "the phone layout shows the same hits");
    assertTrue(cards().first().boundingBox().width < 390);
    Locator variants = ui.byTestId("variant-image");
    ui.await(() -> variants.count() == 8);
    ui.screenshot("phone.png", true);
  }

  @Test
  void addingAnImageAsksForTheApiKeyOnlyWhenRefused() throws IOException {
    ui.byTestId("tab-collection").click();
    Locator count = ui.byTestId("stats-count");
    ui.await(() -> count.innerText().matches(".*\\d.*"));
    assertEquals(Long.toString(index.count()), count.innerText().replaceAll("\\D", ""));

    long before = index.count();
    ui.byTestId("add-file-input")
        .setInputFiles(new FilePayload("mine.png", "image/png", SampleImages.png(777)));
    ui.byTestId("add-label").fill("my label");
    ui.byTestId("add-submit").click();
    // the server has a key: the first attempt is refused, the UI asks for the key and retries
    ui.byTestId("api-key-dialog")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    assertEquals(before, index.count(), "nothing added without the key");
    ui.byTestId("api-key-input").fill(API_KEY);
    ui.byTestId("api-key-submit").click();
    // the UI's acknowledgement (or its error banner) first: a failure then says what the UI showed
    Locator added = ui.byTestId("added-image");
    Locator error = ui.byTestId("error");
    ui.await(() -> added.count() > 0 || error.isVisible());
    assertEquals(
        1,
        added.count(),
        () ->
            "the UI acknowledged the add; it showed: "
                + (error.isVisible() ? error.innerText() : "no error")
                + " / "
                + ui.byTestId("add-result").innerText());
    assertEquals(before + 1, index.count());
    ui.screenshot("collection.png", false);
  }

  @Test
  void theMapDrawsEveryPointAndAClickSearchesByIt() throws IOException {
    List<Map<String, Object>> points =
        given().when().get("/api/map?n=2000").then().statusCode(200).extract().path("points");
    assertEquals(index.count(), points.size(), "a map of the whole (small) collection");

    ui.byTestId("tab-map").click();
    MapCanvas map = new MapCanvas(ui.page());
    ui.await(() -> map.read(points).count() == points.size() && map.read(points).painted() > 0);
    MapCanvas.Drawn drawn = map.read(points);
    assertEquals(points.size(), drawn.count());
    assertEquals(List.of(), drawn.missing(), "every point is painted where map.ts puts it");
    assertTrue(drawn.painted() >= points.size(), "dots, not specks: " + drawn);
    assertTrue(drawn.painted() < drawn.total() / 2, "dots, not a filled canvas: " + drawn);
    ui.screenshot("map.png", false);

    MapCanvas.Placed target = map.mostIsolated(points);
    ui.page().mouse().move(target.pageX(), target.pageY());
    Locator tip = ui.byTestId("map-tooltip");
    tip.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    assertEquals(target.id(), tip.getAttribute("data-id"), "hovering previews the point");
    assertEquals(target.label(), tip.innerText().strip());

    List<String> similar =
        given()
            .when()
            .get("/api/images/" + target.id() + "/similar?k=10")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("hits.id");
    Request request =
        ui.requestMadeBy("/similar", () -> ui.page().mouse().click(target.pageX(), target.pageY()));
    assertTrue(request.url().contains("/api/images/" + target.id() + "/similar"), request.url());
    assertEquals("true", ui.byTestId("tab-search").getAttribute("aria-selected"));
    ui.awaitShown(similar, "a click on the map searches by that image");
  }
}
