package dev.lookalike.collection;

import dev.lookalike.dataset.DataSource;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.dataset.SyntheticImages;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.PreparedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one indexing run, handed out one at a time to the decoding threads: a folder walk
 * streams its paths (ten million files are never held in a list), a data set its images.
 */
public interface IndexInputs extends Closeable {

  /** One input: its identity, what is stored with it, and how to turn it into pixels. */
  record Input(String id, String uri, String label, Map<String, String> metadata, Source source) {

    public Input {
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** An input with no metadata. */
    public Input(String id, String uri, String label, Source source) {
      this(id, uri, label, Map.of(), source);
    }
  }

  /** Reads and decodes an input; throws for an input that is not a usable image. */
  @FunctionalInterface
  interface Source {
    PreparedImage prepare(ImagePipeline pipeline) throws IOException;
  }

  /** The next input, or null when there are no more; safe to call from several threads. */
  Input next();

  /** How many inputs there are, for progress; counted before the run. */
  long size();

  @Override
  default void close() {}

  /** Image files: a file as given, a folder walked recursively (image extensions only). */
  static IndexInputs files(List<Path> roots) {
    return new FileWalk(roots);
  }

  /**
   * The inputs a data source names: a Fashion-MNIST split, a synthetic collection derived from the
   * training split, or image files.
   */
  static IndexInputs of(DataSource source, Path fashionMnistDir) throws IOException {
    var split = source.fashionMnistSplit();
    if (split.isPresent()) {
      return images(FashionMnist.load(fashionMnistDir, split.get()));
    }
    var synthetic = source.syntheticSize();
    if (synthetic.isPresent()) {
      LabeledImages train = FashionMnist.load(fashionMnistDir, FashionMnist.Split.TRAIN);
      return synthetic(new SyntheticImages(source.text(), train, synthetic.get()));
    }
    return files(List.of(source.path()));
  }

  /** A synthetic collection, each image made when a decoding thread takes it. */
  static IndexInputs synthetic(SyntheticImages images) {
    return new IndexInputs() {
      private long next;

      @Override
      public synchronized Input next() {
        if (next >= images.size()) {
          return null;
        }
        long i = next++;
        String uri = images.uri(i);
        return new Input(
            ImageIds.forUri(uri),
            uri,
            images.labelName(i),
            pipeline -> pipeline.prepare(images.image(i)));
      }

      @Override
      public long size() {
        return images.size();
      }
    };
  }

  /** The images of a data set, e.g. a Fashion-MNIST split. */
  static IndexInputs images(LabeledImages images) {
    return new IndexInputs() {
      private int next;

      @Override
      public synchronized Input next() {
        if (next >= images.size()) {
          return null;
        }
        int i = next++;
        String uri = images.uri(i);
        return new Input(
            ImageIds.forUri(uri),
            uri,
            images.labelName(i),
            pipeline -> pipeline.prepare(images.images().get(i)));
      }

      @Override
      public long size() {
        return images.size();
      }
    };
  }
}
