package dev.lookalike.collection;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The images of an index as the inputs of an indexing run into another model's index: each keeps
 * its id, URI, label and metadata, and is read again through {@link ImageSources}. Counts where the
 * images were read from.
 */
final class ReindexInputs implements IndexInputs {

  /** Images read from the old index at once. */
  static final int PAGE = 512;

  /** The next page of images after an id (from the start when null); empty at the end. */
  @FunctionalInterface
  interface Pages {
    List<IndexedImage> after(String afterId) throws IOException;
  }

  private final Pages pages;
  private final long size;
  private final ImageSources sources;
  private final LongAdder fromSource = new LongAdder();
  private final LongAdder fromThumbnail = new LongAdder();
  private Iterator<IndexedImage> page = Collections.emptyIterator();
  private String after;
  private boolean done;

  private ReindexInputs(Pages pages, long size, ImageSources sources) {
    this.pages = pages;
    this.size = size;
    this.sources = sources;
  }

  /** Every image of {@code index}, page by page in id order. */
  static ReindexInputs all(ImageIndex index, ImageSources sources) throws IOException {
    return new ReindexInputs(afterId -> index.scan(afterId, PAGE), index.count(), sources);
  }

  /** The given images. */
  static ReindexInputs of(List<IndexedImage> images, ImageSources sources) {
    List<IndexedImage> copy = List.copyOf(images);
    return new ReindexInputs(afterId -> afterId == null ? copy : List.of(), copy.size(), sources);
  }

  @Override
  public synchronized Input next() {
    while (!page.hasNext()) {
      if (done) {
        return null;
      }
      List<IndexedImage> next;
      try {
        next = pages.after(after);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the old index: " + e.getMessage(), e);
      }
      if (next.isEmpty()) {
        done = true;
        return null;
      }
      after = next.get(next.size() - 1).id();
      page = next.iterator();
    }
    IndexedImage image = page.next();
    return new Input(
        image.id(),
        image.image().uri(),
        image.image().label(),
        image.image().metadata(),
        pipeline -> {
          ImageSources.Reread reread = sources.read(image, pipeline);
          (reread.origin() == ImageSources.Origin.SOURCE ? fromSource : fromThumbnail).increment();
          return reread.image();
        });
  }

  @Override
  public long size() {
    return size;
  }

  long fromSource() {
    return fromSource.sum();
  }

  long fromThumbnail() {
    return fromThumbnail.sum();
  }
}
