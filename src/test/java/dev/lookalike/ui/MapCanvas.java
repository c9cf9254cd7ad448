package dev.lookalike.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.Map;

/**
 * The map's canvas read back pixel by pixel. A point (x, y) in [0, 1] is drawn at CSS pixel (pad +
 * x·(w − 2·pad), pad + (1 − y)·(h − 2·pad)) of the canvas, as map.ts promises.
 */
final class MapCanvas {

  /**
   * What was drawn: painted (non-transparent) pixels, and the points with nothing at their centre.
   */
  record Drawn(int painted, int total, int count, List<String> missing) {}

  /** A map point and where it is on the page. */
  record Placed(String id, String label, double pageX, double pageY) {}

  private static final String READ_BACK =
      """
      (points) => {
        const canvas = document.querySelector('[data-testid="map-canvas"]');
        const pad = Number(canvas.dataset.pad);
        const rect = canvas.getBoundingClientRect();
        const ratio = canvas.width / rect.width;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        const missing = [];
        for (const p of points) {
          const x = Math.round((pad + p.x * (rect.width - 2 * pad)) * ratio);
          const y = Math.round((pad + (1 - p.y) * (rect.height - 2 * pad)) * ratio);
          if (data[(y * canvas.width + x) * 4 + 3] === 0) missing.push(p.id);
        }
        return { painted, total: canvas.width * canvas.height,
                 count: Number(canvas.dataset.count), missing };
      }
      """;

  private final Page page;
  private final Locator canvas;

  MapCanvas(Page page) {
    this.page = page;
    this.canvas = page.getByTestId("map-canvas");
  }

  @SuppressWarnings("unchecked")
  Drawn read(List<Map<String, Object>> points) {
    // Playwright serialises doubles, not the floats JSON parsing gave
    List<Map<String, Object>> plain =
        points.stream()
            .map(
                p ->
                    Map.<String, Object>of(
                        "id", p.get("id"), "x", number(p, "x"), "y", number(p, "y")))
            .toList();
    Map<String, Object> result = (Map<String, Object>) page.evaluate(READ_BACK, plain);
    return new Drawn(
        ((Number) result.get("painted")).intValue(),
        ((Number) result.get("total")).intValue(),
        ((Number) result.get("count")).intValue(),
        (List<String>) result.get("missing"));
  }

  /** The point farthest from its nearest neighbour: the one a pointer can hit unambiguously. */
  Placed mostIsolated(List<Map<String, Object>> points) {
    BoundingBox box = canvas.boundingBox();
    double pad = Double.parseDouble(canvas.getAttribute("data-pad"));
    List<Placed> placed =
        points.stream()
            .map(
                p ->
                    new Placed(
                        (String) p.get("id"),
                        (String) p.get("label"),
                        box.x + pad + number(p, "x") * (box.width - 2 * pad),
                        box.y + pad + (1 - number(p, "y")) * (box.height - 2 * pad)))
            .toList();
    Placed best = null;
    double bestGap = -1;
    for (Placed a : placed) {
      double gap = Double.MAX_VALUE;
      for (Placed b : placed) {
        if (a != b) {
          gap = Math.min(gap, Math.hypot(a.pageX() - b.pageX(), a.pageY() - b.pageY()));
        }
      }
      if (gap > bestGap) {
        bestGap = gap;
        best = a;
      }
    }
    return best;
  }

  private static double number(Map<String, Object> point, String key) {
    return ((Number) point.get(key)).doubleValue();
  }
}
