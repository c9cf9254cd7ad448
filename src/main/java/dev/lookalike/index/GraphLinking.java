package dev.lookalike.index;

/** When a new image gets its list in the neighbour graph that diffusion ranks over. */
public enum GraphLinking {
  /**
   * As it is added (a graph search per image), so the next search ranks it by diffusion: what a
   * serving index needs.
   */
  ON_ADD,
  /**
   * All at once when the index is closed (or, after a crash, opened): the lists of a whole bulk run
   * computed together ({@code graph.CellNeighbours}), for a writer that nothing searches meanwhile.
   */
  ON_CLOSE
}
