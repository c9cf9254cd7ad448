package dev.lookalike.collection;

import dev.lookalike.dataset.DataSource;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.dataset.SyntheticImages;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.index.IndexedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an indexed image again, for a reindex: from its source (the file its URI names, the data
 * set record, or the upload's kept {@link Originals}) when that still yields the stored thumbnail,
 * otherwise from the stored thumbnail. Checking the thumbnail means that a file changed since it
 * was indexed, or a URI an uploader chose, is never mistaken for the image that was indexed.
 */
public final class ImageSources {

  /** Where a re-read image came from. */
  public enum Origin {
    SOURCE,
    THUMBNAIL
  }

  /** A re-read image and where it came from. */
  public record Reread(PreparedImage image, Origin origin) {}

  private final Path fashionMnistDir;
  private final Originals originals;
  private final Map<FashionMnist.Split, Optional<LabeledImages>> splits =
      new EnumMap<>(FashionMnist.Split.class);
  private final Map<String, Optional<SyntheticImages>> synthetic = new HashMap<>();

  /**
   * @param fashionMnistDir where {@code fashion-mnist:} sources are read; the test split falls back
   *     to the bundled sample (its first images)
   */
  public ImageSources(Path fashionMnistDir) {
    this(fashionMnistDir, Originals.none());
  }

  /** Sources that also read the uploads' bytes kept in {@code originals}. */
  public ImageSources(Path fashionMnistDir, Originals originals) {
    this.fashionMnistDir = fashionMnistDir;
    this.originals = originals;
  }

  /**
   * The image prepared by {@code pipeline} from its source, or from its stored thumbnail when the
   * source is gone or no longer matches.
   *
   * @throws IOException when neither the source nor a thumbnail is left
   */
  public Reread read(IndexedImage image, ImagePipeline pipeline) throws IOException {
    byte[] thumbnail = image.thumbnailPng();
    Optional<PreparedImage> source =
        fromSource(image.image().uri(), pipeline)
            .filter(read -> matches(read, thumbnail))
            .or(() -> fromOriginal(image.id(), pipeline).filter(read -> matches(read, thumbnail)));
    if (source.isPresent()) {
      return new Reread(source.get(), Origin.SOURCE);
    }
    if (thumbnail.length == 0) {
      throw new IOException("its source is gone and no thumbnail was stored");
    }
    try {
      return new Reread(pipeline.prepare(thumbnail), Origin.THUMBNAIL);
    } catch (InvalidImageException e) {
      throw new IOException("its source is gone and its thumbnail is damaged: " + e.getMessage());
    }
  }

  /** Whether a re-read image is the one indexed: the same thumbnail, when one was stored. */
  private static boolean matches(PreparedImage read, byte[] thumbnail) {
    return thumbnail.length == 0 || Arrays.equals(read.thumbnailPng(), thumbnail);
  }

  private Optional<PreparedImage> fromOriginal(String id, ImagePipeline pipeline) {
    try {
      return originals.read(id).map(pipeline::prepare);
    } catch (IOException | InvalidImageException e) {
      return Optional.empty();
    }
  }

  private Optional<PreparedImage> fromSource(String uri, ImagePipeline pipeline) {
    try {
      if (uri.startsWith("file:")) {
        Path file = Path.of(URI.create(uri));
        if (!Files.isRegularFile(file) || Files.size(file) > pipeline.limits().maxBytes()) {
          return Optional.empty();
        }
        return Optional.of(pipeline.prepare(Files.readAllBytes(file)));
      }
      return record(uri).map(pipeline::prepare);
    } catch (IOException | InvalidImageException | IllegalArgumentException e) {
      // unreadable, not an image any more, or a URI that names nothing: the thumbnail serves
      return Optional.empty();
    }
  }

  /** The data set record a {@code name#i} URI names. */
  private Optional<FloatImage> record(String uri) throws IOException {
    int hash = uri.lastIndexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    DataSource source = new DataSource(uri.substring(0, hash));
    long i = Long.parseLong(uri.substring(hash + 1));
    Optional<FashionMnist.Split> split = source.fashionMnistSplit();
    if (split.isPresent()) {
      return split(split.get())
          .filter(images -> i >= 0 && i < images.size())
          .map(images -> images.images().get((int) i));
    }
    Optional<Long> size = source.syntheticSize();
    if (size.isPresent()) {
      return synthetic(source.text(), size.get())
          .filter(images -> i >= 0 && i < images.size())
          .map(images -> images.image(i));
    }
    return Optional.empty();
  }

  private synchronized Optional<LabeledImages> split(FashionMnist.Split split) throws IOException {
    Optional<LabeledImages> loaded = splits.get(split);
    if (loaded == null) {
      loaded = load(split);
      splits.put(split, loaded);
    }
    return loaded;
  }

  private Optional<LabeledImages> load(FashionMnist.Split split) throws IOException {
    try {
      return Optional.of(FashionMnist.load(fashionMnistDir, split));
    } catch (IllegalArgumentException | UncheckedIOException missing) {
      return split == FashionMnist.Split.TEST
          ? Optional.of(SampleCollection.load())
          : Optional.empty();
    }
  }

  private synchronized Optional<SyntheticImages> synthetic(String name, long size)
      throws IOException {
    Optional<SyntheticImages> images = synthetic.get(name);
    if (images == null) {
      images = split(FashionMnist.Split.TRAIN).map(train -> new SyntheticImages(name, train, size));
      synthetic.put(name, images);
    }
    return images;
  }
}
