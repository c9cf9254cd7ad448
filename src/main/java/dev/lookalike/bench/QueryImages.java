package dev.lookalike.bench;

import dev.lookalike.collection.ImageFiles;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.Thumbnailer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The encoded image files a bench sends: from folders and files, or a Fashion-MNIST split. */
public final class QueryImages {

  private QueryImages() {}

  /** Up to {@code limit} images, as the bytes a client would upload. */
  public static List<byte[]> load(DataSource source, Path fashionMnistDir, int limit)
      throws IOException {
    List<byte[]> images = new ArrayList<>();
    var split = source.fashionMnistSplit();
    if (split.isPresent()) {
      LabeledImages data = FashionMnist.load(fashionMnistDir, split.get());
      Thumbnailer png = new Thumbnailer(Thumbnailer.LIMIT_MAX_SIDE); // lossless, never resized
      for (int i = 0; i < Math.min(limit, data.size()); i++) {
        images.add(png.pngFromFloatImage(data.images().get(i)));
      }
      return images;
    }
    for (Path file : ImageFiles.find(List.of(source.path()))) {
      if (images.size() == limit) {
        break;
      }
      images.add(Files.readAllBytes(file));
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images in " + source);
    }
    return images;
  }
}
