package dev.lookalike.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A data source named on the command line: {@code fashion-mnist:train|test}, {@code
 * synthetic:fashion-mnist:N} ({@link SyntheticImages}) or a path.
 */
public record DataSource(String text) {

  public DataSource {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "data source is required: a folder or fashion-mnist:train");
    }
  }

  /** The Fashion-MNIST split named, if this is one. */
  public Optional<FashionMnist.Split> fashionMnistSplit() {
    String prefix = FashionMnist.SCHEME + ":";
    return text.startsWith(prefix)
        ? Optional.of(FashionMnist.Split.parse(text.substring(prefix.length())))
        : Optional.empty();
  }

  /**
   * The size of the synthetic collection named, if this is one.
   *
   * @throws IllegalArgumentException for a malformed synthetic spec
   */
  public Optional<Long> syntheticSize() {
    String prefix = SyntheticImages.SCHEME + ":" + FashionMnist.SCHEME + ":";
    if (!text.startsWith(SyntheticImages.SCHEME + ":")) {
      return Optional.empty();
    }
    try {
      long size = text.startsWith(prefix) ? Long.parseLong(text.substring(prefix.length())) : -1;
      if (size >= 1) {
        return Optional.of(size);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "a synthetic collection is named synthetic:fashion-mnist:N with N >= 1, got: " + text);
  }

  public Path path() {
    return Path.of(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
