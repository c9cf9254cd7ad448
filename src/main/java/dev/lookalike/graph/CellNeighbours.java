package dev.lookalike.graph;

import dev.lookalike.linalg.DotBlock;
import dev.lookalike.linalg.SphericalKMeans;
import dev.lookalike.linalg.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The neighbour lists of a whole collection at once, for building a {@link NeighbourGraph} in bulk
 * instead of one graph search per image. Spherical k-means cuts the unit codes into cells of about
 * √n images; every image is compared exactly with the members of the {@code probes} cells whose
 * centroids are nearest its own cell's; a last pass offers every pair found to the other side too
 * (an image near a cell's border is found from the other cell). That is about {@code probes · √n}
 * dot products per image, streamed through memory in cell-sized blocks, against a beam search per
 * image through HNSW graphs.
 */
public final class CellNeighbours {

  /** Below this many codes every pair is compared: cheaper than clustering. */
  public static final int ALL_PAIRS_BELOW = 4096;

  private static final int MIN_CELL = 256;

  /**
   * Cells over this many times the intended size are cut again: comparing a cell costs its size
   * squared, and k-means cannot split images whose codes are identical (a catalogue's placeholder
   * pictures), which would otherwise make one cell of them all.
   */
  static final int OVERSIZE = 4;

  /** The cells: a centroid each, and the codes (by position) nearest it. */
  record Cells(float[][] centroids, int[][] members) {}

  private CellNeighbours() {}

  /**
   * The {@code degree} most similar others of every code by dot product; node numbers are positions
   * in {@code codes}.
   *
   * @param probes cells each cell's members are compared with, its own included
   */
  public static Neighbours[] lists(float[][] codes, int degree, int probes, long seed) {
    if (probes < 1) {
      throw new IllegalArgumentException("probes must be positive, got: " + probes);
    }
    int n = codes.length;
    if (n < ALL_PAIRS_BELOW) {
      return ShortlistGraph.lists(codes, degree);
    }
    Cells cells = cells(codes, seed);
    float[][] centroids = cells.centroids();
    int[][] members = cells.members();
    int[][] probed = probed(centroids, Math.min(probes, centroids.length));
    Neighbours.Nearest[] nearest = new Neighbours.Nearest[n];
    IntStream.range(0, centroids.length)
        .parallel()
        .forEach(cell -> compare(codes, members, probed[cell], members[cell], degree, nearest));
    return symmetric(nearest);
  }

  /** A cell's members against its candidates, a {@link DotBlock} of candidates at a time. */
  private static void compare(
      float[][] codes,
      int[][] members,
      int[] probedCells,
      int[] cell,
      int degree,
      Neighbours.Nearest[] nearest) {
    int[] candidates = concat(members, probedCells);
    float[][] queries = new float[cell.length][];
    Neighbours.Nearest[] lists = new Neighbours.Nearest[cell.length];
    for (int m = 0; m < cell.length; m++) {
      queries[m] = codes[cell[m]];
      lists[m] = new Neighbours.Nearest(cell[m], degree);
    }
    DotBlock block = new DotBlock(codes[0].length);
    float[][] sims = new float[cell.length][DotBlock.WIDTH];
    for (int from = 0; from < candidates.length; from += DotBlock.WIDTH) {
      block.load(codes, candidates, from, Math.min(DotBlock.WIDTH, candidates.length - from));
      block.dots(queries, sims);
      for (int m = 0; m < cell.length; m++) {
        for (int j = 0; j < block.size(); j++) {
          lists[m].offer(candidates[from + j], sims[m][j]);
        }
      }
    }
    for (int m = 0; m < cell.length; m++) {
      nearest[cell[m]] = lists[m];
    }
  }

  /** Offers every found pair to the other side as well. */
  private static Neighbours[] symmetric(Neighbours.Nearest[] nearest) {
    Neighbours[] found = new Neighbours[nearest.length];
    for (int node = 0; node < nearest.length; node++) {
      found[node] = nearest[node].neighbours();
    }
    for (int node = 0; node < nearest.length; node++) {
      for (int e = 0; e < found[node].size(); e++) {
        nearest[found[node].nodes()[e]].offer(node, found[node].similarities()[e]);
      }
    }
    Neighbours[] lists = new Neighbours[nearest.length];
    for (int node = 0; node < nearest.length; node++) {
      lists[node] = nearest[node].neighbours();
    }
    return lists;
  }

  /** Cells of about √n codes (at least {@link #MIN_CELL}), none over {@link #OVERSIZE} times it. */
  static Cells cells(float[][] codes, long seed) {
    int cellSize = Math.max(MIN_CELL, (int) Math.sqrt(codes.length));
    float[][] centroids =
        SphericalKMeans.centroids(codes, Math.ceilDiv(codes.length, cellSize), seed);
    int[][] members = members(SphericalKMeans.assign(centroids, codes), centroids.length);
    List<float[]> keptCentroids = new ArrayList<>();
    List<int[]> keptMembers = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      if (members[c].length <= OVERSIZE * cellSize) {
        keptCentroids.add(centroids[c]);
        keptMembers.add(members[c]);
        continue;
      }
      // k-means again inside the cell; what it still cannot split is cut in order (its codes are
      // all alike, so any cut keeps each image among its equals)
      int[] cell = members[c];
      float[][] inner = new float[cell.length][];
      for (int m = 0; m < cell.length; m++) {
        inner[m] = codes[cell[m]];
      }
      float[][] subCentroids =
          SphericalKMeans.centroids(inner, Math.ceilDiv(cell.length, cellSize), seed + c + 1);
      int[][] sub = members(SphericalKMeans.assign(subCentroids, inner), subCentroids.length);
      for (int s = 0; s < sub.length; s++) {
        int step = sub[s].length <= OVERSIZE * cellSize ? sub[s].length : cellSize;
        for (int from = 0; from < sub[s].length; from += step) {
          int to = Math.min(sub[s].length, from + step);
          int[] nodes = new int[to - from];
          for (int m = from; m < to; m++) {
            nodes[m - from] = cell[sub[s][m]];
          }
          keptCentroids.add(subCentroids[s]);
          keptMembers.add(nodes);
        }
      }
    }
    return new Cells(keptCentroids.toArray(float[][]::new), keptMembers.toArray(int[][]::new));
  }

  private static int[][] members(int[] cellOf, int cells) {
    int[] counts = new int[cells];
    for (int cell : cellOf) {
      counts[cell]++;
    }
    int[][] members = new int[cells][];
    for (int c = 0; c < cells; c++) {
      members[c] = new int[counts[c]];
    }
    int[] filled = new int[cells];
    for (int node = 0; node < cellOf.length; node++) {
      members[cellOf[node]][filled[cellOf[node]]++] = node;
    }
    return members;
  }

  /** Each cell's {@code probes} nearest cells by centroid, itself first. */
  private static int[][] probed(float[][] centroids, int probes) {
    int[][] probed = new int[centroids.length][];
    for (int c = 0; c < centroids.length; c++) {
      Neighbours.Nearest nearest = new Neighbours.Nearest(c, probes - 1);
      for (int other = 0; other < centroids.length; other++) {
        nearest.offer(other, Vectors.dot(centroids[c], centroids[other]));
      }
      int[] others = nearest.neighbours().nodes();
      probed[c] = new int[others.length + 1];
      probed[c][0] = c;
      System.arraycopy(others, 0, probed[c], 1, others.length);
    }
    return probed;
  }

  private static int[] concat(int[][] members, int[] cells) {
    List<int[]> parts = new ArrayList<>(cells.length);
    int total = 0;
    for (int cell : cells) {
      parts.add(members[cell]);
      total += members[cell].length;
    }
    int[] all = new int[total];
    int at = 0;
    for (int[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return Arrays.copyOf(all, at);
  }
}
