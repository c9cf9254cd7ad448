package dev.lookalike.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiffusionTest {

  private static final int CHAIN = 120;
  private static final int CLUSTER = 80;

  /** Brute-force lists of every image, as the index keeps them. */
  private static NeighbourGraph graphOf(float[][] codes, int degree) {
    NeighbourGraph graph = new NeighbourGraph(degree);
    graph.addNodes(codes.length);
    for (int i = 0; i < codes.length; i++) {
      Neighbours.Nearest nearest = new Neighbours.Nearest(i, degree);
      for (int j = 0; j < codes.length; j++) {
        nearest.offer(j, ChainAndCluster.dot(codes[i], codes[j]));
      }
      graph.setNeighbours(i, nearest.neighbours());
    }
    return graph;
  }

  private static Integer[] byCosine(float[][] codes, float[] query) {
    return IntStream.range(0, codes.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -ChainAndCluster.dot(codes[i], query)))
        .toArray(Integer[]::new);
  }

  private static long chainIn(Integer[] ranking, int top) {
    return Arrays.stream(ranking, 0, top).filter(i -> i < CHAIN).count();
  }

  @Test
  void followsTheChainWhereCosineJumpsToTheCluster() {
    ChainAndCluster data = new ChainAndCluster(new Random(7), CHAIN, CLUSTER);
    float[][] codes = data.all();
    NeighbourGraph graph = graphOf(codes, 15);
    Integer[] shortlist = byCosine(codes, data.query());
    int[] nodes = Arrays.stream(shortlist).mapToInt(Integer::intValue).toArray();
    float[] cosines = new float[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      cosines[i] = ChainAndCluster.dot(codes[nodes[i]], data.query());
    }

    double[] scores = Diffusion.scores(graph, nodes, cosines, DiffusionParams.DEFAULT);
    Integer[] diffused =
        IntStream.range(0, nodes.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> -scores[i]))
            .map(i -> nodes[i])
            .toArray(Integer[]::new);

    // The case is only a test if cosine gets it wrong.
    assertTrue(chainIn(shortlist, CHAIN) < 0.8 * CHAIN, "cosine top: " + chainIn(shortlist, CHAIN));
    assertEquals(CHAIN, chainIn(diffused, CHAIN), "diffusion should rank the whole chain first");
  }

  @Test
  void scoresOnlyWhatTheSeedsReachAndIgnoresUnknownNodes() {
    NeighbourGraph graph = new NeighbourGraph(2);
    graph.addNodes(4);
    graph.setNeighbours(0, new Neighbours(new int[] {1}, new float[] {0.9f}));
    graph.setNeighbours(1, new Neighbours(new int[] {0}, new float[] {0.9f}));
    graph.setNeighbours(2, new Neighbours(new int[] {0}, new float[] {0.9f})); // not mutual
    // Node 7 was added after this graph was loaded: no list, no error.
    double[] scores =
        Diffusion.scores(
            graph,
            new int[] {0, 1, 2, 7},
            new float[] {0.9f, 0.8f, 0.7f, 0.6f},
            new DiffusionParams(4, 1, 0.9f, 20, 1));
    assertTrue(scores[0] > 0 && scores[1] > 0, Arrays.toString(scores));
    assertEquals(0.0, scores[2], "a one-way edge carries nothing");
    assertEquals(0.0, scores[3]);
  }

  @Test
  void keepsTheNearestInCosineOrderAndRanksTheRestByScore() {
    double[] scores = {0.1, 0.5, 0.9, 0.0, 0.7, 0.7};

    assertEquals("[0, 2, 4, 5, 1, 3]", Arrays.toString(Diffusion.order(scores, 1)));
    assertEquals("[0, 1, 2, 4, 5, 3]", Arrays.toString(Diffusion.order(scores, 3)));
    assertEquals("[0, 1, 2, 3, 4, 5]", Arrays.toString(Diffusion.order(scores, 20)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DiffusionParams(200, 10, 0.99f, 20, 0),
        "the nearest always stays first");
    assertTrue(new DiffusionParams(200, 10, 0.99f, 20, 10).ranks(11));
    assertFalse(new DiffusionParams(200, 10, 0.99f, 20, 10).ranks(10));
  }
}
