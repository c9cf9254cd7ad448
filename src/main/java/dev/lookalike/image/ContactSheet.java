package dev.lookalike.image;

import java.util.Arrays;
import java.util.List;

/**
 * Lays out rows of same-sized pictures on one canvas, each pixel enlarged to a square block, with a
 * white gutter between cells: a contact sheet of generated images that a person can look at.
 */
public final class ContactSheet {

  private static final int GUTTER = 2;

  private ContactSheet() {}

  /**
   * Composes the rows (each a list of images of one spec; rows may differ in length) into one image
   * whose pixels are {@code scale} times larger.
   */
  public static FloatImage compose(List<List<FloatImage>> rows, int scale) {
    if (rows.isEmpty() || rows.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a contact sheet needs at least one image in every row");
    }
    if (scale < 1 || scale > 16) {
      throw new IllegalArgumentException("scale must be in [1, 16], got: " + scale);
    }
    FloatImage first = rows.get(0).get(0);
    int channels = first.channels();
    int cellWidth = first.width() * scale;
    int cellHeight = first.height() * scale;
    int columns = rows.stream().mapToInt(List::size).max().orElseThrow();
    int width = columns * (cellWidth + GUTTER) + GUTTER;
    int height = rows.size() * (cellHeight + GUTTER) + GUTTER;
    float[] pixels = new float[channels * width * height];
    Arrays.fill(pixels, 1f);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        FloatImage image = rows.get(r).get(c);
        if (image.width() != first.width()
            || image.height() != first.height()
            || image.channels() != channels) {
          throw new IllegalArgumentException(
              "every image of a contact sheet must be "
                  + first.width()
                  + "x"
                  + first.height()
                  + "x"
                  + channels);
        }
        int x0 = GUTTER + c * (cellWidth + GUTTER);
        int y0 = GUTTER + r * (cellHeight + GUTTER);
        for (int ch = 0; ch < channels; ch++) {
          for (int y = 0; y < cellHeight; y++) {
            for (int x = 0; x < cellWidth; x++) {
              pixels[ch * width * height + (y0 + y) * width + x0 + x] =
                  image.pixel(ch, y / scale, x / scale);
            }
          }
        }
      }
    }
    return new FloatImage(width, height, channels, pixels);
  }
}
