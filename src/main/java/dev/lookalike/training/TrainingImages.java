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
    Optional<FashionMnist.Split> split = data.fashionMnistSplit();
    if (split.isPresent()) {
      List<FloatImage> images = FashionMnist.load(fashionMnistDir, split.get()).images();
      // already model input (28x28 grey for a 28x28 grey model): no image library is loaded,
      // so a minimal runtime without OpenCV can train on it (StandaloneTrain)
      if (images.stream().allMatch(image -> image.matches(spec))) {
        return images;
      }
      ImagePipeline pipeline = pipeline(spec);
      return images.stream().map(pipeline::toInput).toList();
    }
    ImagePipeline pipeline = pipeline(spec);
    return ImageFiles.decodeAll(ImageFiles.find(List.of(data.path())), pipeline::toInput, skipped);
  }

  private static ImagePipeline pipeline(ImageSpec spec) {
    return new ImagePipeline(ImageLimits.defaults(), spec, spec.size());
  }
}
