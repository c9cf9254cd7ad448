package dev.lookalike.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResampledColumnsTest {

  private static final int WIDTH = 12;
  private static final int HEIGHT = 9;

  @Test
  void aBlendOfTwoRowsHasTheSumAndSquaresOfItsValues() {
    Random random = new Random(3);
    float[] detail = new float[WIDTH * HEIGHT];
    for (int i = 0; i < detail.length; i++) {
      detail[i] = (float) random.nextGaussian();
    }
    // columns 2..9 of the candidate, stretched a little over the query
    ResampledColumns columns =
        ResampledColumns.of(detail, WIDTH, HEIGHT, 2, 10, c -> 0.9 * c + 0.7);
    for (int y = 0; y + 1 < HEIGHT; y++) {
      for (float f : new float[] {0f, 0.25f, 0.6f, 1f}) {
        double sum = 0;
        double squares = 0;
        for (int c = 2; c < 10; c++) {
          double value =
              (1 - f) * columns.values()[y * WIDTH + c] + f * columns.values()[(y + 1) * WIDTH + c];
          sum += value;
          squares += value * value;
        }
        assertEquals(sum, columns.blendedSum(y, f), 1e-5, "sum of row " + y + " at " + f);
        assertEquals(
            squares, columns.blendedSquares(y, f), 1e-5, "squares of row " + y + " at " + f);
      }
    }
  }

  @Test
  void onlyTheSpansColumnsAreResampled() {
    float[] detail = new float[WIDTH * HEIGHT];
    java.util.Arrays.fill(detail, 1f);
    ResampledColumns columns = ResampledColumns.of(detail, WIDTH, HEIGHT, 3, 7, c -> c);
    for (int y = 0; y < HEIGHT; y++) {
      for (int c = 0; c < WIDTH; c++) {
        assertEquals(c >= 3 && c < 7 ? 1f : 0f, columns.values()[y * WIDTH + c]);
      }
      assertEquals(4, columns.sums()[y], 1e-12);
    }
  }
}
