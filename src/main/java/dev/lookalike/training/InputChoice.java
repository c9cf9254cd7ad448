package dev.lookalike.training;

import dev.lookalike.collection.ImageFiles;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.image.ImageDecoder;
import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.image.ImageTraits;
import dev.lookalike.image.InvalidImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input shape a model is trained on and how it was chosen: what the user asked for, the rest
 * read from the data, so that {@code train} does the right thing on a folder without hand-tuning.
 *
 * <p>A Fashion-MNIST split is 28×28 grey. For a folder, up to {@value #SAMPLE} files spread evenly
 * over it are read: three channels when at least {@value #COLOUR_SHARE} of them are in colour (a
 * grey photo saved as RGB does not count), else one; the side is their median shorter side rounded
 * down to a multiple of 4, at most {@value #MAX_SIDE} — each doubling of the side costs about four
 * times the training time on CPU, and retrieval on the measured collections gained nothing from
 * more — and at least {@link ImageSpec#MIN_SIZE}.
 *
 * @param spec the input the model takes
 * @param reason how each of its two numbers was chosen, recorded in model.json
 */
public record InputChoice(ImageSpec spec, String reason) {

  static final int SAMPLE = 256;
  static final int MAX_SIDE = 32;
  static final double COLOUR_SHARE = 0.05;
  static final int FASHION_MNIST_SIDE = 28;

  public InputChoice {
    if (spec == null || reason == null) {
      throw new IllegalArgumentException("spec and reason are required");
    }
  }

  /** A shape the caller fixed. */
  public static InputChoice given(ImageSpec spec) {
    return new InputChoice(spec, "size and channels as given");
  }

  /**
   * The shape for {@code data}: {@code size} and {@code channels} where given (non-null), the rest
   * from the data.
   *
   * @throws IllegalArgumentException when a folder holds no readable image to choose from
   */
  public static InputChoice of(DataSource data, Integer size, Integer channels) {
    if (size != null && channels != null) {
      return given(new ImageSpec(size, channels));
    }
    if (data.fashionMnistSplit().isPresent()) {
      int side = size != null ? size : FASHION_MNIST_SIDE;
      int depth = channels != null ? channels : 1;
      return new InputChoice(
          new ImageSpec(side, depth),
          describe("size", side, size, "Fashion-MNIST is 28×28")
              + ", "
              + describe("channels", depth, channels, "Fashion-MNIST is grey"));
    }
    List<ImageTraits> traits = sample(data.path());
    int[] sides = traits.stream().mapToInt(ImageTraits::shortSide).sorted().toArray();
    int median = sides[sides.length / 2];
    long coloured = traits.stream().filter(ImageTraits::colour).count();
    int side = size != null ? size : sideFor(median);
    int depth = channels != null ? channels : coloured >= COLOUR_SHARE * traits.size() ? 3 : 1;
    return new InputChoice(
        new ImageSpec(side, depth),
        describe(
                "size",
                side,
                size,
                String.format(
                    Locale.ROOT,
                    "median shorter side %d px of %d sampled images, at most %d",
                    median,
                    traits.size(),
                    MAX_SIDE))
            + ", "
            + describe(
                "channels",
                depth,
                channels,
                coloured + " of " + traits.size() + " sampled images in colour"));
  }

  /** The model side for pictures whose median shorter side is {@code median} pixels. */
  static int sideFor(int median) {
    return Math.max(ImageSpec.MIN_SIZE, Math.min(MAX_SIDE, median / 4 * 4));
  }

  private static String describe(String what, int value, Integer given, String evidence) {
    return given != null
        ? what + " " + value + " as given"
        : what + " " + value + " from the data (" + evidence + ")";
  }

  private static List<ImageTraits> sample(Path root) {
    List<Path> files = ImageFiles.find(List.of(root));
    ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
    List<ImageTraits> traits = new ArrayList<>();
    int step = Math.max(1, files.size() / SAMPLE);
    for (int i = 0; i < files.size() && traits.size() < SAMPLE; i += step) {
      try {
        traits.add(ImageTraits.of(Files.readAllBytes(files.get(i)), decoder));
      } catch (InvalidImageException | IOException e) {
        // The training run reports every bad file; the choice only needs the good ones.
      }
    }
    if (traits.isEmpty()) {
      throw new IllegalArgumentException(
          "no readable image under " + root + " to choose the input size and channels from");
    }
    return traits;
  }
}
