package dev.lookalike.copies;

import dev.lookalike.codes.Codes;
import dev.lookalike.image.FloatImage;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts the query's original first when the query is an edited copy of an indexed image. Codes rank
 * by what images look like; among near twins (the same garment photographed twice, a family of
 * icons) they need not put the very image a copy was made from first. So the first {@link
 * CopyCheck#candidates()} hits are compared with the query pixel by pixel ({@link AlignedMatch}),
 * and the best of them, when it reaches the threshold, moves to the top; the others keep their
 * order. Hits after the candidates never move, so pages after them are the mode's own.
 */
public final class CopyFirst {

  /** The pixels of indexed images at the model's input size, for those that have them stored. */
  @FunctionalInterface
  public interface Pixels {
    Map<String, FloatImage> of(List<String> ids) throws IOException;
  }

  /**
   * How many of the best quick scores get the full alignment (turns included): 10 found as many
   * originals on the validation split as aligning every candidate fully, at a third of the cost.
   */
  private static final int REFINED = 10;

  private final CopyCheck check;

  public CopyFirst(CopyCheck check) {
    this.check = check;
  }

  /**
   * The page {@code params} asks for, with the query's original first when the check finds it.
   *
   * @param query the query's pixels at the model's input size
   */
  public List<Hit> search(
      ImageIndex index, Codes codes, FloatImage query, SearchParams params, Pixels pixels)
      throws IOException {
    int candidates = check.candidates();
    if (!check.enabled() || params.offset() >= candidates) {
      return index.search(codes, params);
    }
    if (params.offset() == 0) {
      SearchParams wide = params.k() >= candidates ? params : params.page(candidates, 0);
      List<Hit> hits = reorder(query, index.search(codes, wide), pixels);
      return hits.subList(0, Math.min(params.k(), hits.size()));
    }
    // A later page that overlaps the candidates: those positions come from the checked ranking.
    List<Hit> first = reorder(query, index.search(codes, params.page(candidates, 0)), pixels);
    List<Hit> page = new ArrayList<>(index.search(codes, params));
    for (int i = 0; i < page.size() && params.offset() + i < first.size(); i++) {
      page.set(i, first.get(params.offset() + i));
    }
    return page;
  }

  /** {@code hits} with the best copy match among the candidates first (a new list if it moves). */
  public List<Hit> reorder(FloatImage query, List<Hit> hits, Pixels pixels) throws IOException {
    int n = Math.min(check.candidates(), hits.size());
    if (n < 2) {
      return hits;
    }
    AlignedMatch match = new AlignedMatch(query);
    Map<String, FloatImage> candidates =
        pixels.of(hits.subList(0, n).stream().map(Hit::id).toList());
    // Quick scores for all candidates, then the turned windows for the few that score best.
    AlignedMatch.Candidate[] scored = new AlignedMatch.Candidate[n];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FloatImage candidate = candidates.get(hits.get(i).id());
      if (candidate != null && sameSize(candidate, query)) {
        scored[i] = match.score(candidate);
        order.add(i);
      }
    }
    order.sort((x, y) -> Float.compare(scored[y].score(), scored[x].score()));
    int best = -1;
    float bestScore = check.threshold();
    for (int i : order.subList(0, Math.min(REFINED, order.size()))) {
      float score = match.refined(scored[i]);
      if (score >= bestScore && (best < 0 || score > bestScore || i < best)) {
        best = i;
        bestScore = score;
      }
    }
    if (best <= 0) {
      return hits;
    }
    List<Hit> reordered = new ArrayList<>(hits);
    reordered.add(0, reordered.remove(best));
    return reordered;
  }

  private static boolean sameSize(FloatImage a, FloatImage b) {
    return a.width() == b.width() && a.height() == b.height();
  }
}
