package dev.lookalike.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The Lookalike web page as a test sees it: uploads, the result cards, requests, screenshots. */
final class UiPage {

  /** Where the screenshots go; the README's copies in frontend/screenshots come from here. */
  /**
   * Where screenshots go: target/screenshots, or the folder named by the system property {@code
   * test.screenshots} (the OpenSearch run keeps the README's from being overwritten).
   */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("test.screenshots", "target/screenshots"));

  /**
   * Generous: CI runs the server, Chromium and a two-node cluster on two cores; success returns
   * early.
   */
  private static final double WAIT_MS = 45_000;

  private final Page page;

  UiPage(Page page) {
    this.page = page;
  }

  Page page() {
    return page;
  }

  Locator byTestId(String id) {
    return page.getByTestId(id);
  }

  void upload(String name, byte[] png) {
    byTestId("file-input").setInputFiles(new FilePayload(name, "image/png", png));
  }

  Locator cards() {
    return byTestId("result-card");
  }

  /** The ids of the result cards, in order. */
  @SuppressWarnings("unchecked")
  List<String> shownIds() {
    return (List<String>)
        page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=\"result-card\"]')]"
                + ".map(card => card.dataset.id)");
  }

  /** Waits until the cards show {@code expected}, then asserts it (so a failure shows both). */
  void awaitShown(List<String> expected, String message) {
    await(() -> expected.equals(shownIds()));
    assertEquals(expected, shownIds(), message);
  }

  /** Waits for the condition, up to a bound; the caller asserts afterwards. */
  void await(BooleanSupplier condition) {
    try {
      page.waitForCondition(condition, new Page.WaitForConditionOptions().setTimeout(WAIT_MS));
    } catch (TimeoutError e) {
      // the assertion that follows says what was expected
    }
  }

  /** Runs {@code action} and returns the first request it makes whose URL contains {@code part}. */
  Request requestMadeBy(String part, Runnable action) {
    return page.waitForRequest(
        request -> request.url().contains(part),
        new Page.WaitForRequestOptions().setTimeout(WAIT_MS),
        action);
  }

  /** Waits until every image on the page has loaded, so screenshots show no empty frames. */
  void awaitImages() {
    await(
        () ->
            Boolean.TRUE.equals(
                page.evaluate(
                    "() => [...document.images].every(i => !i.getAttribute('src') || i.complete)")));
  }

  void screenshot(String name, boolean fullPage) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    awaitImages();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name))
            .setFullPage(fullPage)
            .setAnimations(ScreenshotAnimations.DISABLED));
  }
}
