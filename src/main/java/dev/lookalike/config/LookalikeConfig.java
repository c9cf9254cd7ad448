package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** All settings of Lookalike, under {@code lookalike.*} (env: {@code LOOKALIKE_*}). */
@ConfigMapping(prefix = "lookalike")
public interface LookalikeConfig {

  Index index();

  Model model();

  Image image();

  Sample sample();

  Dataset dataset();

  Search search();

  /**
   * When set, adding and deleting images require this key in the {@code X-Api-Key} header;
   * searching stays open.
   */
  Optional<String> apiKey();

  /** The Lucene index. */
  interface Index {
    /** Directory of the index; created when missing. */
    @WithDefault("index")
    Path dir();

    @WithDefault("16")
    int hnswMaxConn();

    @WithDefault("100")
    int hnswBeamWidth();

    /** Hybrid search re-ranks this many times k hash candidates by dense cosine. */
    @WithDefault("10")
    int hybridFactor();

    /** Bucket lookup widens to chunk values within this Hamming radius before scanning. */
    @WithDefault("2")
    int maxChunkRadius();
  }

  /** The model that turns images into codes. */
  interface Model {
    /** A model directory made by {@code train}; when absent the shipped model is used. */
    Optional<Path> dir();
  }

  /** The generative model (VAE) behind augmentation, interpolation and sampling. */
  Vae vae();

  /** The generative model. */
  interface Vae {
    /** False turns augmentation, interpolation and sampling off (they answer 503). */
    @WithDefault("true")
    boolean enabled();

    /** A VAE directory made by {@code train --variant vae}; when absent the shipped VAE, if any. */
    Optional<Path> dir();
  }

  /** Limits on input images and the stored thumbnails. */
  interface Image {
    /** Largest accepted upload, in bytes. */
    @WithDefault("20000000")
    long maxBytes();

    /** Largest accepted declared image size, checked before decoding (decompression bombs). */
    @WithDefault("50")
    double maxMegapixels();

    /** Longest side of the stored thumbnails, in pixels. */
    @WithDefault("96")
    int thumbnailSize();
  }

  /** The sample collection indexed when the server starts on an empty index. */
  interface Sample {
    @WithDefault("true")
    boolean enabled();

    /** How many of the bundled 10,000 Fashion-MNIST test images to index. */
    @WithDefault("10000")
    int limit();
  }

  /** Where data sets named on the command line are read from. */
  interface Dataset {
    /** Directory of the Fashion-MNIST IDX files (Debian package dataset-fashion-mnist). */
    @WithDefault("/usr/share/datasets/fashion-mnist")
    Path fashionMnistDir();
  }

  /** Search defaults. */
  interface Search {
    @WithDefault("10")
    int defaultK();

    @WithDefault("hybrid")
    String defaultMode();
  }
}
