package dev.lookalike.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NeighboursTest {

  @Test
  void keepsTheMostSimilarWithoutSelfOrRepeats() {
    Neighbours best =
        Neighbours.best(
            5,
            new int[] {1, 5, 2, 3, 2, 4, 6},
            new float[] {0.1f, 1f, 0.9f, 0.5f, 0.9f, 0.5f, 0.7f},
            3);
    assertArrayEquals(new int[] {2, 6, 3}, best.nodes(), "ties by the lower node");
    assertArrayEquals(new float[] {0.9f, 0.7f, 0.5f}, best.similarities());
  }

  @Test
  void offeredNodesEnterOnlyWhenAmongTheMostSimilar() {
    NeighbourGraph graph = new NeighbourGraph(2);
    graph.addNodes(5);
    graph.setNeighbours(0, new Neighbours(new int[] {1, 2}, new float[] {0.9f, 0.5f}));
    graph.offer(0, 3, 0.4f);
    assertArrayEquals(new int[] {1, 2}, graph.neighbours(0).nodes());
    graph.offer(0, 4, 0.6f);
    assertArrayEquals(new int[] {1, 4}, graph.neighbours(0).nodes());
    assertArrayEquals(new int[] {0}, graph.holders(java.util.Set.of(4)));
    graph.remove(0);
    assertArrayEquals(new int[0], graph.neighbours(0).nodes());
    assertThrows(IllegalArgumentException.class, () -> graph.offer(9, 1, 1f));
  }
}
