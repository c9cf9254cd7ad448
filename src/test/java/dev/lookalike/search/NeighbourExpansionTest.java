package dev.lookalike.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NeighbourExpansionTest {

  @Test
  void neighboursPullTheQueryByTheirCosineToThePowerAlpha() {
    float[] query = {1, 0};
    float s = (float) Math.sqrt(0.5);
    float[][] neighbours = {{s, s}, {0, 1}};
    // weights: cos 0.7071^2 = 0.5 for the first, 0 for the orthogonal one
    float[] expanded = new NeighbourExpansion(2, 2f).expand(query, neighbours);
    float x = 1 + 0.5f * s;
    float y = 0.5f * s;
    float norm = (float) Math.hypot(x, y);
    assertArrayEquals(new float[] {x / norm, y / norm}, expanded, 1e-6f);
    assertEquals(1.0, Math.hypot(expanded[0], expanded[1]), 1e-6);
  }

  @Test
  void withAlphaZeroItIsThePlainAverageOfThePositiveNeighbours() {
    float[] expanded =
        new NeighbourExpansion(1, 0f).expand(new float[] {1, 0}, new float[][] {{0.6f, 0.8f}});
    float norm = (float) Math.hypot(1.6, 0.8);
    assertArrayEquals(new float[] {1.6f / norm, 0.8f / norm}, expanded, 1e-6f);
    float[] opposite =
        new NeighbourExpansion(1, 0f).expand(new float[] {1, 0}, new float[][] {{-1, 0}});
    assertArrayEquals(new float[] {1, 0}, opposite, 1e-6f, "a dissimilar neighbour has no weight");
  }

  @Test
  void badDepthOrAlphaIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new NeighbourExpansion(0, 3f));
    assertThrows(IllegalArgumentException.class, () -> new NeighbourExpansion(101, 3f));
    assertThrows(IllegalArgumentException.class, () -> new NeighbourExpansion(10, -1f));
  }
}
