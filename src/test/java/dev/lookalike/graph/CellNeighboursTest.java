package dev.lookalike.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.linalg.ClusteredCodes;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellNeighboursTest {

  private static final int DEGREE = 10;

  @Test
  void probingEveryCellFindsTheExactLists() {
    assertExactLists(ClusteredCodes.around(6000, 24, 30, new Random(1)), 1000);
  }

  @Test
  void aFewProbesFindAlmostAllTrueNeighbours() {
    float[][] codes = ClusteredCodes.around(20000, 32, 60, new Random(2));
    Neighbours[] cells = CellNeighbours.lists(codes, DEGREE, 8, 42);
    Random pick = new Random(3);
    double found = 0;
    int queries = 300;
    for (int q = 0; q < queries; q++) {
      int node = pick.nextInt(codes.length);
      Neighbours.Nearest exact = new Neighbours.Nearest(node, DEGREE);
      for (int other = 0; other < codes.length; other++) {
        exact.offer(other, dot(codes[node], codes[other]));
      }
      Set<Integer> truth = new HashSet<>();
      for (int n : exact.neighbours().nodes()) {
        truth.add(n);
      }
      assertEquals(DEGREE, cells[node].size());
      for (int n : cells[node].nodes()) {
        found += truth.contains(n) ? 1.0 / DEGREE / queries : 0;
      }
    }
    assertTrue(found >= 0.9, "recall@" + DEGREE + " " + found);
  }

  @Test
  void theSameCodesAndSeedGiveTheSameLists() {
    float[][] codes = ClusteredCodes.around(5000, 16, 20, new Random(4));
    Neighbours[] once = CellNeighbours.lists(codes, DEGREE, 4, 9);
    Neighbours[] again = CellNeighbours.lists(codes, DEGREE, 4, 9);
    for (int node = 0; node < codes.length; node++) {
      assertArrayEquals(once[node].nodes(), again[node].nodes());
    }
  }

  @Test
  void fewCodesAreComparedPairByPair() {
    float[][] codes = ClusteredCodes.around(300, 8, 5, new Random(5));
    assertExactLists(codes, 1);
    assertThrows(IllegalArgumentException.class, () -> CellNeighbours.lists(codes, 5, 0, 42));
  }

  @Test
  void identicalCodesAreCutIntoBoundedCellsAndStillFindTheirEquals() {
    // 30,000 copies of one code among 10,000 ordinary ones: k-means makes one cell of the copies
    float[][] ordinary = ClusteredCodes.around(10_000, 16, 20, new Random(6));
    float[][] codes = new float[40_000][];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = i < ordinary.length ? ordinary[i] : ordinary[0];
    }
    CellNeighbours.Cells cells = CellNeighbours.cells(codes, 42);
    int[] seen = new int[codes.length];
    for (int[] cell : cells.members()) {
      assertTrue(cell.length <= CellNeighbours.OVERSIZE * 256, "a cell of " + cell.length);
      for (int node : cell) {
        seen[node]++;
      }
    }
    for (int node = 0; node < codes.length; node++) {
      assertEquals(1, seen[node], "node " + node + " is in one cell");
    }
    Neighbours[] lists = CellNeighbours.lists(codes, DEGREE, 32, 42);
    for (int node = ordinary.length; node < codes.length; node += 97) {
      assertEquals(DEGREE, lists[node].size(), "node " + node);
      for (float similarity : lists[node].similarities()) {
        assertEquals(1f, similarity, 1e-5f, "a copy's neighbours are copies: node " + node);
      }
    }
  }

  private static void assertExactLists(float[][] codes, int probes) {
    Neighbours[] cells = CellNeighbours.lists(codes, DEGREE, probes, 42);
    Neighbours[] exact = ShortlistGraph.lists(codes, DEGREE);
    for (int node = 0; node < codes.length; node++) {
      // The same similarities in the same order (nodes may swap only on an exact tie).
      assertArrayEquals(
          exact[node].similarities(), cells[node].similarities(), 1e-5f, "node " + node);
    }
  }

  private static float dot(float[] a, float[] b) {
    return ChainAndCluster.dot(a, b);
  }
}
