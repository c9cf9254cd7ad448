package dev.lookalike.cli;

import dev.lookalike.dataset.FashionMnist;
import java.nio.file.Path;
import java.util.Optional;

/** A data source named on the command line: {@code fashion-mnist:train|test} or a path. */
record DataSpec(String text) {

  Optional<FashionMnist.Split> fashionMnistSplit() {
    String prefix = FashionMnist.SCHEME + ":";
    return text.startsWith(prefix)
        ? Optional.of(FashionMnist.Split.parse(text.substring(prefix.length())))
        : Optional.empty();
  }

  Path path() {
    return Path.of(text);
  }
}
