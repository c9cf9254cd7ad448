package dev.lookalike.training;

import dev.lookalike.image.FloatImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic pictures for training tests: bright squares of a few sizes at random places. */
public final class TinyImages {

  private TinyImages() {}

  public static List<FloatImage> squares(int count, int size, long seed) {
    Random random = new Random(seed);
    List<FloatImage> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] pixels = new float[size * size];
      int side = 4 + (i % 3) * 4;
      int x0 = random.nextInt(size - side);
      int y0 = random.nextInt(size - side);
      for (int y = y0; y < y0 + side; y++) {
        for (int x = x0; x < x0 + side; x++) {
          pixels[y * size + x] = 1f;
        }
      }
      images.add(new FloatImage(size, size, 1, pixels));
    }
    return images;
  }
}
