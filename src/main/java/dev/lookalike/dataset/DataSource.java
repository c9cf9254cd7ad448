package dev.lookalike.dataset;

import java.nio.file.Path;
import java.util.Optional;

/** A data source named on the command line: {@code fashion-mnist:train|test} or a path. */
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

  public Path path() {
    return Path.of(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
