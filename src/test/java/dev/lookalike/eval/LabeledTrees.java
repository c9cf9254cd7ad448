package dev.lookalike.eval;

import dev.lookalike.collection.SampleCollection;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.Thumbnailer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Labelled folder trees for the evaluate tests: PNGs of the bundled Fashion-MNIST sample, one
 * sub-folder per Fashion-MNIST class, so that images of different labels really differ.
 */
public final class LabeledTrees {

  /** Trouser, Sneaker, Bag: classes far apart, so a working encoder ranks same-label first. */
  public static final List<Integer> CLASSES = List.of(1, 7, 8);

  private LabeledTrees() {}

  /**
   * Writes the first {@code perLabel} sample images of each of the {@code labels} first {@link
   * #CLASSES} under {@code root/<class name>/}; returns the folder names in sorted order.
   */
  public static List<String> write(Path root, int labels, int perLabel) throws IOException {
    LabeledImages sample = SampleCollection.load();
    Thumbnailer png = new Thumbnailer(28);
    for (int label : CLASSES.subList(0, labels)) {
      int written = 0;
      for (int i = 0; i < sample.size() && written < perLabel; i++) {
        if (sample.labels()[i] == label) {
          Path folder = Files.createDirectories(root.resolve(folderName(sample, i)));
          Files.write(
              folder.resolve(String.format("img-%04d.png", i)),
              png.pngFromFloatImage(sample.images().get(i)));
          written++;
        }
      }
    }
    try (var folders = Files.list(root)) {
      return folders.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String folderName(LabeledImages sample, int index) {
    return sample.labelName(index).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
