package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.bench.QueryImages;
import dev.lookalike.dataset.DataSource;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The images a load generator sends (searches, uploads), and how many distinct ones. */
class LoadImages {

  @Parameters(
      index = "0",
      paramLabel = "IMAGES",
      description = "Images to send: a folder, a file, or fashion-mnist:train|test.")
  String source;

  @Option(
      names = "--images",
      defaultValue = "1000",
      description = "Distinct images used (default ${DEFAULT-VALUE}).")
  int limit;

  /** The images as encoded files; refuses a limit below one. */
  List<byte[]> load(Components components) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("--images must be positive, got " + limit);
    }
    return QueryImages.load(new DataSource(source), components.fashionMnistDir(), limit);
  }
}
