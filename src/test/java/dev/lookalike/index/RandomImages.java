package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random image records with clustered codes, and indexes built from them in batches. */
public final class RandomImages {

  static final String[] LABELS = {"shirt", "shoe", "bag", "coat", "dress"};

  private final Random random;
  private final ClusteredCodes codes;

  public RandomImages(Random random, ModelIdentity model) {
    this.random = random;
    this.codes = new ClusteredCodes(random, model.latent(), model.bits());
  }

  public ClusteredCodes codes() {
    return codes;
  }

  String label() {
    return LABELS[random.nextInt(LABELS.length)];
  }

  /** Image {@code n}: a random cluster, label (a tenth unlabelled), thumbnail and error. */
  public ImageRecord record(int n) {
    int cluster = random.nextInt(ClusteredCodes.CLUSTERS);
    String label = random.nextInt(10) == 0 ? null : label();
    byte[] thumbnail = new byte[1 + random.nextInt(8)];
    random.nextBytes(thumbnail);
    float error = random.nextInt(5) == 0 ? Float.NaN : random.nextFloat();
    return new ImageRecord(
        "img" + n, "test:" + n, label, Map.of("n", "" + n), thumbnail, codes.next(cluster), error);
  }

  /**
   * Adds {@code n} images in 3–5 committed batches (several segments); after each batch a few
   * images are deleted and one is replaced with new codes. The reference follows every change.
   */
  ImageIndex fill(ImageIndex index, ReferenceIndex reference, int n, long seed) throws IOException {
    int batches = 3 + random.nextInt(3);
    int next = 0;
    for (int b = 0; b < batches; b++) {
      List<ImageRecord> batch = new ArrayList<>();
      for (int end = n * (b + 1) / batches; next < end; next++) {
        batch.add(record(next));
      }
      index.add(batch);
      batch.forEach(reference::add);
      List<ImageRecord> live = reference.records();
      for (int d = 0; d < live.size() / 20; d++) {
        String id = live.get(random.nextInt(live.size())).id();
        if (reference.get(id) != null) {
          assertTrue(index.delete(id), "seed " + seed + ": delete " + id);
          reference.delete(id);
        }
      }
      live = reference.records();
      String replaced = live.get(random.nextInt(live.size())).id();
      ImageRecord replacement = record(Integer.parseInt(replaced.substring("img".length())));
      index.add(List.of(replacement));
      reference.add(replacement);
      index.commit();
    }
    assertEquals(reference.records().size(), index.count(), "seed " + seed);
    return index;
  }
}
