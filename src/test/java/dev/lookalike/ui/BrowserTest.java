package dev.lookalike.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.lookalike.api.SampleImages;
import dev.lookalike.collection.SampleCollection;
import dev.lookalike.index.ImageIndex;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI in a real browser (Debian's Chromium, driven by Playwright) against the real server:
 * upload, results, click-to-search, errors, collection, map, and the API-key flow.
 */
@QuarkusTest
@TestProfile(BrowserTestProfile.class)
class BrowserTest {

  static final String API_KEY = "ui-test-key";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static Playwright playwright;
  private static Browser browser;

  @TestHTTPResource("/")
  URL root;

  @Inject SampleCollection sample;

  @Inject ImageIndex index;

  private Page page;

  @BeforeAll
  static void startBrowser() {
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void open() throws IOException {
    sample.ensureIndexed();
    Files.createDirectories(SCREENSHOTS);
    page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
    page.navigate(root.toString());
    page.getByTestId("drop-zone").waitFor();
  }

  private void upload(String name, byte[] bytes) {
    page.getByTestId("file-input").setInputFiles(new FilePayload(name, "image/png", bytes));
  }

  private Locator cards() {
    return page.getByTestId("result-card");
  }

  @Test
  void uploadShowsTheSameTopHitAsTheApiAndAClickSearchesAgain() {
    byte[] query = SampleImages.png(21);
    String apiTop =
        given()
            .multiPart("image", "q.png", query, "image/png")
            .when()
            .post("/api/search")
            .then()
            .statusCode(200)
            .extract()
            .path("hits[0].id");

    upload("query.png", query);
    cards().first().waitFor();
    assertEquals(10, cards().count());
    assertEquals(apiTop, cards().first().getAttribute("data-id"));
    assertTrue(page.getByTestId("query-image").isVisible());
    assertTrue(
        page.getByTestId("took").innerText().matches("(?s).*\\d.*"),
        page.getByTestId("took").innerText());
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("search.png")).setFullPage(true));

    String clicked = cards().nth(3).getAttribute("data-id");
    cards().nth(3).locator("img").first().click();
    page.waitForCondition(() -> clicked.equals(cards().first().getAttribute("data-id")));
    assertEquals(
        clicked,
        cards().first().getAttribute("data-id"),
        "the clicked image is its own best match");
    assertNotEquals(apiTop, cards().first().getAttribute("data-id"));
  }

  @Test
  void theVariantsPanelShowsVaeVariantsAndAMorphToAResult() {
    upload("query.png", SampleImages.png(12));
    cards().first().waitFor();
    Locator variants = page.getByTestId("variant-image");
    page.waitForCondition(() -> variants.count() == 8);
    assertTrue(variants.first().getAttribute("src").startsWith("data:image/png;base64,"));
    cards().nth(2).getByTestId("morph-button").click();
    Locator strip = page.getByTestId("interpolation-image");
    page.waitForCondition(() -> strip.count() == 8);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("variants.png"))
            .setFullPage(true));
    assertEquals(10, cards().count(), "morphing does not replace the results");
  }

  @Test
  void anInvalidFileShowsAReadableError() {
    upload("notes.png", "these are notes, not a picture".getBytes());
    Locator error = page.getByTestId("error");
    error.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    assertTrue(error.innerText().toLowerCase().contains("not an image"), error.innerText());
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("error.png")));
  }

  @Test
  void theModeAndKControlsChangeTheSearch() {
    page.getByTestId("k-select").selectOption("20");
    page.getByTestId("mode-select").selectOption("exact");
    upload("query.png", SampleImages.png(33));
    page.waitForCondition(() -> cards().count() == 20);
    String exactTop =
        given()
            .multiPart("image", "q.png", SampleImages.png(33), "image/png")
            .when()
            .post("/api/search?k=1&mode=exact")
            .then()
            .extract()
            .path("hits[0].id");
    assertEquals(exactTop, cards().first().getAttribute("data-id"));
  }

  @Test
  void thePhoneLayoutStillShowsResults() {
    page.setViewportSize(390, 844);
    upload("query.png", SampleImages.png(5));
    cards().first().waitFor();
    assertEquals(10, cards().count());
    assertTrue(cards().first().boundingBox().width < 390);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("phone.png")).setFullPage(true));
  }

  @Test
  void collectionMapAndTheApiKeyFlow() throws IOException {
    page.getByTestId("tab-collection").click();
    page.waitForCondition(() -> page.getByTestId("stats-count").innerText().matches(".*\\d.*"));
    assertTrue(page.getByTestId("stats-count").innerText().replaceAll("\\D", "").length() > 0);

    long before = index.count();
    page.getByTestId("add-file-input")
        .setInputFiles(new FilePayload("mine.png", "image/png", SampleImages.png(777)));
    page.getByTestId("add-label").fill("my label");
    page.getByTestId("add-submit").click();
    // the server has a key: the first attempt is refused, the UI asks for the key and retries
    page.getByTestId("api-key-dialog")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    assertEquals(before, index.count(), "nothing added without the key");
    page.getByTestId("api-key-input").fill(API_KEY);
    page.getByTestId("api-key-submit").click();
    page.waitForCondition(
        () -> {
          try {
            return index.count() == before + 1;
          } catch (IOException e) {
            return false;
          }
        });
    assertEquals(before + 1, index.count());

    page.getByTestId("tab-map").click();
    Locator canvas = page.getByTestId("map-canvas");
    canvas.waitFor();
    page.waitForTimeout(500);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("map.png")));
    var box = canvas.boundingBox();
    assertFalse(box == null || box.width < 100, "the map canvas is drawn");
  }
}
