package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.image.CopySketch;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.Thumbnailer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The contract's checks of what an index stores per image, kept apart from {@link
 * ImageIndexContractTest}, which runs them on every engine.
 */
final class StoredImageChecks {

  private StoredImageChecks() {}

  static void storesReplacesAndDeletes(ImageIndex index, RandomImages images) throws IOException {
    assertEquals(0, index.count());
    assertTrue(index.search(images.codes().query(), SearchParams.of(5, SearchMode.HASH)).isEmpty());
    ImageRecord first = images.record(1);
    ImageRecord again = images.record(1);
    index.add(List.of(first, images.record(2)));
    index.add(List.of(again));
    assertEquals(2, index.count(), "an id added twice is replaced");
    assertEquals(
        Set.of("img1", "img2"),
        index.existing(List.of("img1", "img2", "img3")),
        "existing names exactly the indexed ids");
    IndexedImage stored = index.get("img1").orElseThrow();
    assertArrayEquals(again.codes().bits(), stored.codes().bits());
    assertEquals(again.label(), stored.image().label());
    assertTrue(index.delete("img1"));
    assertFalse(index.delete("img1"));
    assertTrue(index.get("img1").isEmpty());
    assertEquals(Set.of("img2"), index.existing(List.of("img1", "img2")));
    assertEquals(
        Set.of("img2"),
        index.thumbnails(List.of("img1", "img2", "img3")).keySet(),
        "thumbnails of the indexed ids only");
    assertEquals(1, index.count());
  }

  /**
   * Whether an engine keeps the sketches ready or derives them, they are those of the stored
   * thumbnails, across segments, replacements and deletions; an image without a readable thumbnail
   * has none.
   */
  static void copySketchesAreThoseOfTheStoredThumbnails(ImageIndex index, RandomImages images)
      throws IOException {
    Random random = new Random(5);
    Thumbnailer thumbnailer = new Thumbnailer();
    List<String> ids = new ArrayList<>();
    for (int batch = 0; batch < 3; batch++) {
      List<ImageRecord> records = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int n = batch * 10 + i;
        // every fourth keeps RandomImages' thumbnail: random bytes, no picture
        records.add(
            i % 4 == 3 ? images.record(n) : withPicture(images.record(n), random, thumbnailer));
        ids.add("img" + n);
      }
      index.add(records);
      index.commit(); // a segment per batch
    }
    index.add(List.of(withPicture(images.record(12), random, thumbnailer))); // a new thumbnail
    assertTrue(index.delete("img25"));
    index.commit();
    ids.add("unknown");

    Map<String, byte[]> sketches = index.copySketches(ids);
    Map<String, byte[]> thumbnails = index.thumbnails(ids);
    int expected = 0;
    for (String id : ids) {
      byte[] thumbnail = thumbnails.get(id);
      byte[] derived = thumbnail == null ? null : CopySketch.ofThumbnail(thumbnail).orElse(null);
      if (derived == null) {
        assertFalse(sketches.containsKey(id), id + " has no readable thumbnail, so no sketch");
      } else {
        assertArrayEquals(derived, sketches.get(id), id);
        expected++;
      }
    }
    assertEquals(expected, sketches.size());
    // 30 images, six without a picture (img3, 7, 13, 17, 23, 27), one of the rest deleted
    assertEquals(23, expected);
  }

  private static ImageRecord withPicture(ImageRecord record, Random random, Thumbnailer to) {
    float[] pixels = new float[20 * 16];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    byte[] png = to.pngFromFloatImage(new FloatImage(20, 16, 1, pixels));
    return new ImageRecord(
        record.id(), record.uri(), record.label(), record.metadata(), png, record.codes());
  }
}
