package dev.lookalike.training;

import dev.lookalike.collection.ImageFiles;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Loads training images as network inputs: a Fashion-MNIST split, or the image files under a path
 * found and decoded with the collection's rules ({@link ImageFiles}), bad files skipped.
 */
final class TrainingImages {

  private TrainingImages() {}

  static List<FloatImage> load(
      DataSource data, Path fashionMnistDir, ImageSpec spec, BiConsumer<Path, String> skipped) {
    ImagePipeline pipeline = new ImagePipeline(ImageLimits.defaults(), spec, spec.size());
    Optional<FashionMnist.Split> split = data.fashionMnistSplit();
    if (split.isPresent()) {
      return FashionMnist.load(fashionMnistDir, split.get()).images().stream()
          .map(pipeline::toInput)
          .toList();
    }
    return ImageFiles.decodeAll(ImageFiles.find(List.of(data.path())), pipeline::toInput, skipped);
  }
}
