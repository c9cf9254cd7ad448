package dev.lookalike.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import java.util.List;
import java.util.stream.IntStream;

/** Packs images into one NCHW tensor. */
public final class Batches {

  private Batches() {}

  /**
   * Refuses images that do not have the model's input shape, naming the first one; done before
   * training or encoding so a wrong image fails with its index rather than deep in a tensor op.
   */
  public static void checkShapes(ImageSpec spec, List<FloatImage> images) {
    for (int i = 0; i < images.size(); i++) {
      FloatImage image = images.get(i);
      if (!image.matches(spec)) {
        throw new IllegalArgumentException(
            "image "
                + i
                + " is "
                + image.width()
                + "x"
                + image.height()
                + "x"
                + image.channels()
                + " but the model takes "
                + spec.size()
                + "x"
                + spec.size()
                + "x"
                + spec.channels());
      }
    }
  }

  /** Stacks {@code images[ids[from..to)]}. */
  public static NDArray stack(
      NDManager manager, ImageSpec spec, List<FloatImage> images, int[] ids, int from, int to) {
    int pixels = spec.channels() * spec.size() * spec.size();
    float[] data = new float[(to - from) * pixels];
    for (int i = from; i < to; i++) {
      float[] source = images.get(ids[i]).pixels();
      if (source.length != pixels) {
        throw new IllegalArgumentException(
            "image " + ids[i] + " has " + source.length + " values; the model takes " + pixels);
      }
      System.arraycopy(source, 0, data, (i - from) * pixels, pixels);
    }
    return manager.create(data, new Shape(to - from, spec.channels(), spec.size(), spec.size()));
  }

  /** Stacks {@code images[from..to)}. */
  public static NDArray stack(
      NDManager manager, ImageSpec spec, List<FloatImage> images, int from, int to) {
    return stack(manager, spec, images, IntStream.range(from, to).toArray(), 0, to - from);
  }
}
