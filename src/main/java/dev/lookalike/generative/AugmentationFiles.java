package dev.lookalike.generative;

import dev.lookalike.image.ContactSheet;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.Thumbnailer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes VAE variants of images as PNG files, and optionally a contact sheet of them: the work
 * behind {@code lookalike augment}.
 */
public final class AugmentationFiles {

  private final Augmenter augmenter;
  private final Thumbnailer png = new Thumbnailer(Thumbnailer.LIMIT_MAX_SIDE);

  public AugmentationFiles(Augmenter augmenter) {
    this.augmenter = augmenter;
  }

  /**
   * Writes {@code n} variants of each input into {@code out} ({@code variant-NN.png} for one input,
   * {@code image-II-variant-NN.png} for several) and, when {@code sheet} is not null, a contact
   * sheet there: a row per input (original, variants), an interpolation from the first input to the
   * last, and samples from the prior.
   *
   * @return the files written, in order
   */
  public List<Path> write(
      List<FloatImage> inputs, int n, float temperature, long seed, Path out, Path sheet)
      throws IOException {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one image is required");
    }
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    List<List<FloatImage>> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      FloatImage input = inputs.get(i);
      List<FloatImage> variants = augmenter.augment(input, n, temperature, seed);
      for (int v = 0; v < variants.size(); v++) {
        String name =
            inputs.size() == 1
                ? String.format("variant-%02d.png", v)
                : String.format("image-%02d-variant-%02d.png", i, v);
        Path file = out.resolve(name);
        Files.write(file, png.pngFromFloatImage(variants.get(v)));
        written.add(file);
      }
      List<FloatImage> row = new ArrayList<>(List.of(input));
      row.addAll(variants);
      rows.add(row);
    }
    if (sheet != null) {
      FloatImage first = inputs.get(0);
      FloatImage last = inputs.get(inputs.size() - 1);
      rows.add(augmenter.interpolate(first, last, n + 1));
      rows.add(augmenter.sample(n + 1, temperature, seed));
      Files.write(sheet, png.pngFromFloatImage(ContactSheet.compose(rows, 3)));
      written.add(sheet);
    }
    return written;
  }
}
