package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where data sets named on the command line are read from, under {@code lookalike.dataset.*}. */
@ConfigMapping(prefix = "lookalike.dataset")
public interface DatasetConfig {

  /** Where Debian's dataset-fashion-mnist installs the IDX files. */
  String DEBIAN_FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

  /** Directory of the Fashion-MNIST IDX files (Debian package dataset-fashion-mnist). */
  @WithDefault(DEBIAN_FASHION_MNIST_DIR)
  Path fashionMnistDir();
}
