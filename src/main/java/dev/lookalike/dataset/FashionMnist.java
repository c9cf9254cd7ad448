package dev.lookalike.dataset;

import dev.lookalike.image.FloatImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (Xiao et al. 2017) in the IDX files of Debian's {@code dataset-fashion-mnist}
 * package: 60,000 training and 10,000 test images of 28x28 grey garments in 10 classes.
 */
public final class FashionMnist {

  /** Class names in label order, as published with the data set. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  /** The prefix of data source names, as in {@code fashion-mnist:train}. */
  public static final String SCHEME = "fashion-mnist";

  private FashionMnist() {}

  /** The two splits; {@code filePrefix} is the IDX file name stem. */
  public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
      this.filePrefix = filePrefix;
    }

    /** Parses {@code train} or {@code test}. */
    public static Split parse(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "train" -> TRAIN;
        case "test", "t10k" -> TEST;
        default ->
            throw new IllegalArgumentException(
                "unknown Fashion-MNIST split '" + name + "'; use train or test");
      };
    }

    public String imagesFile() {
      return filePrefix + "-images-idx3-ubyte.gz";
    }

    public String labelsFile() {
      return filePrefix + "-labels-idx1-ubyte.gz";
    }

    public String sourceName() {
      return SCHEME + ":" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** Loads a split from a directory holding the four {@code .gz} IDX files. */
  public static LabeledImages load(Path directory, Split split) {
    Path images = directory.resolve(split.imagesFile());
    Path labels = directory.resolve(split.labelsFile());
    if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
      throw new IllegalArgumentException(
          "Fashion-MNIST "
              + split.sourceName()
              + " not found in "
              + directory
              + " (expected "
              + split.imagesFile()
              + " and "
              + split.labelsFile()
              + "; on Debian: apt-get install dataset-fashion-mnist)");
    }
    return toImages(split.sourceName(), IdxFile.read(images), IdxFile.read(labels));
  }

  /** Loads a split from two gzip-compressed IDX streams (e.g. classpath resources). */
  public static LabeledImages load(String name, InputStream imagesGz, InputStream labelsGz) {
    try {
      IdxFile images = IdxFile.read(new GZIPInputStream(imagesGz, 1 << 16), name + " images");
      IdxFile labels = IdxFile.read(new GZIPInputStream(labelsGz, 1 << 16), name + " labels");
      return toImages(name, images, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LabeledImages toImages(String name, IdxFile images, IdxFile labels) {
    if (images.rank() != 3 || labels.rank() != 1) {
      throw new IllegalArgumentException(name + ": expected 3-d images and 1-d labels");
    }
    if (images.count() != labels.count()) {
      throw new IllegalArgumentException(
          name + ": " + images.count() + " images but " + labels.count() + " labels");
    }
    int height = images.dimension(1);
    int width = images.dimension(2);
    List<FloatImage> pixels = new ArrayList<>(images.count());
    int[] classes = new int[images.count()];
    for (int i = 0; i < images.count(); i++) {
      pixels.add(FloatImage.fromGreyBytes(width, height, images.item(i)));
      classes[i] = labels.unsigned(i);
    }
    return new LabeledImages(name, pixels, classes, CLASS_NAMES);
  }
}
