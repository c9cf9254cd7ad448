package dev.lookalike.index.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the best {@code size} of a stream of scored documents. */
final class TopDocsHeap {

  private final int size;
  private final Comparator<ScoredDoc> order;
  private final PriorityQueue<ScoredDoc> heap;

  TopDocsHeap(int size, Comparator<ScoredDoc> order) {
    this.size = size;
    this.order = order;
    this.heap = new PriorityQueue<>(size + 1, order.reversed());
  }

  void offer(ScoredDoc doc) {
    if (heap.size() < size) {
      heap.add(doc);
    } else if (order.compare(doc, heap.peek()) < 0) {
      heap.poll();
      heap.add(doc);
    }
  }

  /** The kept documents, best first. */
  List<ScoredDoc> sorted() {
    List<ScoredDoc> result = new ArrayList<>(heap);
    result.sort(order);
    return result;
  }
}
