package dev.lookalike.copies;

import dev.lookalike.codes.Codes;
import dev.lookalike.image.FloatImage;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Puts the query's original first when the query is an edited copy of an indexed image. Codes rank
 * by what images look like; among near twins (the same garment photographed twice, a family of
 * icons) they need not put the very image a copy was made from first. So the first {@link
 * CopyCheck#candidates()} hits are compared with the query pixel by pixel ({@link AlignedMatch}),
 * and the best of them, when it reaches the threshold, moves to the top.
 *
 * <p>The candidates are the mode's first hits and the dense code's nearest neighbours: a mode that
 * ranks by the collection (diffusion) or by hash buckets can put an original far down that its own
 * code finds at once (on the validation split, diffusion's first 30 held it for fewer copies than
 * the dense code's first 30). The answer is the mode's ranking with the found original moved first,
 * and every page is a slice of that one ranking: an original found among the mode's own candidates
 * reorders only them; one found elsewhere shifts the mode's hits down by one place on every page.
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

  private static final Logger LOG = Logger.getLogger(CopyFirst.class);

  private final CopyCheck check;

  /** Whether an index without sketches was reported: once per deployment, not per search. */
  private final AtomicBoolean reportedNoSketches = new AtomicBoolean();

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
    if (!check.enabled()) {
      return index.search(codes, params);
    }
    int n = check.candidates();
    List<Hit> head = index.search(codes, params.page(n, 0));
    List<Hit> pool = new ArrayList<>(head);
    pool.addAll(widened(index, codes, query, params, head));
    int best = best(query, pool, pixels);
    if (best <= 0) {
      return params.window() <= head.size() ? page(head, params) : index.search(codes, params);
    }
    Hit original = pool.get(best);
    return best < head.size()
        ? movedWithinHead(index, codes, params, head, best)
        : movedFromOutside(index, codes, params, original);
  }

  /**
   * The dense code's nearest hits that are not in {@code head}, more chances for the original: its
   * first {@link CopyCheck#candidates()}, then the best {@link CopyCheck#SKETCHED} by their
   * sketches of those down to {@link CopyCheck#sketchReach()}.
   */
  private List<Hit> widened(
      ImageIndex index, Codes codes, FloatImage query, SearchParams params, List<Hit> head)
      throws IOException {
    int n = check.candidates();
    boolean denseHead = params.mode() == SearchMode.DENSE || params.mode() == SearchMode.EXACT;
    if (denseHead && !check.sketches()) {
      return List.of();
    }
    int reach = Math.max(n, check.sketchReach());
    Set<String> seen = ids(head);
    List<Hit> widened = new ArrayList<>();
    List<Hit> further = new ArrayList<>();
    List<Hit> nearest =
        index.search(
            codes, params.inMode(denseHead ? params.mode() : SearchMode.DENSE).page(reach, 0));
    for (int i = 0; i < nearest.size(); i++) {
      Hit hit = nearest.get(i);
      if (seen.add(hit.id())) {
        (i < n ? widened : further).add(hit);
      }
    }
    if (check.sketches() && !further.isEmpty()) {
      Map<String, byte[]> sketches = index.copySketches(ids(further));
      if (sketches.isEmpty() && reportedNoSketches.compareAndSet(false, true)) {
        LOG.warnf(
            "None of the %d images the copy check looked through has a copy sketch: an index"
                + " written before sketches were stored has none until its images are written"
                + " again (index them anew, reindex or migrate); until then only the first %d"
                + " nearest are checked",
            further.size(), check.candidates());
      }
      widened.addAll(new SketchMatch(query).best(further, sketches, CopyCheck.SKETCHED));
    }
    return widened;
  }

  /** The original was one of the mode's candidates: only the candidates' order changes. */
  private static List<Hit> movedWithinHead(
      ImageIndex index, Codes codes, SearchParams params, List<Hit> head, int best)
      throws IOException {
    List<Hit> checked = new ArrayList<>(head);
    checked.add(0, checked.remove(best));
    if (params.window() <= checked.size()) {
      return page(checked, params);
    }
    List<Hit> page = new ArrayList<>(index.search(codes, params));
    for (int i = 0; i < page.size() && params.offset() + i < checked.size(); i++) {
      page.set(i, checked.get(params.offset() + i));
    }
    return page;
  }

  /**
   * The original came from beyond the mode's candidates: the ranking is the original, then the
   * mode's hits without it, so position p (p ≥ 1) holds what the mode ranks at p - 1 once the
   * original is taken out.
   */
  private static List<Hit> movedFromOutside(
      ImageIndex index, Codes codes, SearchParams params, Hit original) throws IOException {
    int k = params.k();
    int offset = params.offset();
    List<Hit> out = new ArrayList<>(k);
    if (offset == 0) {
      out.add(original);
    }
    int from = Math.max(0, offset - 1);
    int wanted = offset == 0 ? k - 1 : k;
    if (wanted == 0) {
      return out;
    }
    List<Hit> slice = slice(index, codes, params, from, wanted + 1);
    boolean removed = slice.removeIf(hit -> hit.id().equals(original.id()));
    if (!removed && from > 0 && rankedBefore(index, codes, params, original.id(), from)) {
      slice = slice.isEmpty() ? slice : slice.subList(1, slice.size());
    }
    out.addAll(slice.subList(0, Math.min(wanted, slice.size())));
    return out;
  }

  /**
   * The mode's hits from {@code from} on, {@code size} of them (one more than a page: it covers the
   * original's own place when that falls inside), in two searches when that is more than one search
   * may return.
   */
  private static List<Hit> slice(
      ImageIndex index, Codes codes, SearchParams params, int from, int size) throws IOException {
    int first = Math.min(size, SearchParams.MAX_K);
    List<Hit> slice = new ArrayList<>(index.search(codes, params.page(first, from)));
    int rest = from + first;
    if (first < size && slice.size() == first && rest <= SearchParams.MAX_OFFSET) {
      slice.addAll(index.search(codes, params.page(size - first, rest)));
    }
    return slice;
  }

  /** Whether the mode ranks {@code id} before position {@code end}. */
  private static boolean rankedBefore(
      ImageIndex index, Codes codes, SearchParams params, String id, int end) throws IOException {
    for (int from = 0; from < end; from += SearchParams.MAX_K) {
      int size = Math.min(SearchParams.MAX_K, end - from);
      List<Hit> chunk = index.search(codes, params.page(size, from));
      if (chunk.stream().anyMatch(hit -> hit.id().equals(id))) {
        return true;
      }
      if (chunk.size() < size) {
        return false;
      }
    }
    return false;
  }

  /**
   * Where in {@code hits} the best copy match among the candidates stands, or -1 when none reaches
   * the threshold or the best does not score the margin above every other candidate aligned
   * closely; on a tie the earlier hit wins (and a margin above 0 refuses both).
   */
  int best(FloatImage query, List<Hit> hits, Pixels pixels) throws IOException {
    int n = hits.size();
    if (n < 2) {
      return -1;
    }
    AlignedMatch match = new AlignedMatch(query);
    Map<String, FloatImage> candidates = pixels.of(hits.stream().map(Hit::id).toList());
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
    float top = Float.NEGATIVE_INFINITY;
    float runnerUp = Float.NEGATIVE_INFINITY;
    for (int i : order.subList(0, Math.min(REFINED, order.size()))) {
      float score = match.refined(scored[i]);
      if (score >= bestScore && (best < 0 || score > bestScore || i < best)) {
        best = i;
        bestScore = score;
      }
      runnerUp = Math.max(runnerUp, Math.min(top, score));
      top = Math.max(top, score);
    }
    return best >= 0 && bestScore - runnerUp >= check.margin() ? best : -1;
  }

  private static List<Hit> page(List<Hit> ranking, SearchParams params) {
    int from = Math.min(params.offset(), ranking.size());
    return List.copyOf(ranking.subList(from, Math.min(params.window(), ranking.size())));
  }

  private static Set<String> ids(List<Hit> hits) {
    Set<String> ids = new HashSet<>();
    for (Hit hit : hits) {
      ids.add(hit.id());
    }
    return ids;
  }

  private static boolean sameSize(FloatImage a, FloatImage b) {
    return a.width() == b.width() && a.height() == b.height();
  }
}
