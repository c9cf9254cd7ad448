package dev.lookalike.index.opensearch;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.Diffusion;
import dev.lookalike.graph.ShortlistGraph;
import dev.lookalike.index.BucketTerms;
import dev.lookalike.index.Hit;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The search modes on the cluster. The cluster finds candidates — HNSW k-NN for dense and
 * diffusion, bucket terms widened ring by ring with a popcount script for hash and hybrid, a cosine
 * script over every document for exact — and returns their codes; the ranking is then made here by
 * the same measures as the embedded index, ties by id, so paging and replicas never reorder it.
 *
 * <p>Diffusion differs from the embedded index in one documented way: the cluster keeps no
 * collection neighbour graph, so the diffusion runs over the shortlist's own neighbour lists
 * ({@link ShortlistGraph}).
 */
final class ClusterSearch {

  private final ClusterReads reads;
  private final int bits;
  private final int graphDegree;
  private final List<String> hitFields;

  ClusterSearch(ClusterReads reads, int bits, int graphDegree) {
    this.reads = reads;
    this.bits = bits;
    this.graphDegree = graphDegree;
    this.hitFields = ClusterDocuments.hitFields(bits);
  }

  List<Hit> search(Codes query, SearchParams params) throws IOException {
    Query filter =
        params.label() == null
            ? null
            : Query.of(
                q ->
                    q.term(t -> t.field(ClusterSchema.LABEL).value(FieldValue.of(params.label()))));
    int window = params.window();
    List<Candidate> ranked =
        switch (params.mode()) {
          case DENSE -> nearest(query, window, filter);
          case EXACT -> exact(query, window, filter);
          case HASH -> hash(query, window, params.maxChunkRadius(), true, filter);
          case HYBRID -> hybrid(query, window, params, filter);
          case DIFFUSION -> diffusion(query, window, params, filter);
        };
    List<Hit> hits = new ArrayList<>(params.k());
    for (int i = params.offset(); i < Math.min(window, ranked.size()); i++) {
      hits.add(ranked.get(i).hit(params.mode(), bits));
    }
    return hits;
  }

  /** HNSW k-NN on the dense codes (filter inside the k-NN query), most similar first. */
  private List<Candidate> nearest(Codes query, int window, Query filter) throws IOException {
    int k = Math.min(window, ClusterSchema.MAX_KNN_K);
    List<Float> vector = new ArrayList<>(query.dense().length);
    for (float v : query.dense()) {
      vector.add(v);
    }
    Query knn =
        Query.of(
            q ->
                q.knn(
                    kq -> {
                      kq.field(ClusterSchema.DENSE).vector(vector).k(k);
                      return filter == null ? kq : kq.filter(filter);
                    }));
    return ranked(candidates(knn, k, query), Candidate.BY_COSINE, window);
  }

  /** Every (filtered) document scored by cosine on the shards: brute force, distributed. */
  private List<Candidate> exact(Codes query, int window, Query filter) throws IOException {
    List<Float> vector = new ArrayList<>(query.dense().length);
    for (float v : query.dense()) {
      vector.add(v);
    }
    Map<String, JsonData> params = new HashMap<>();
    params.put("field", JsonData.of(ClusterSchema.DENSE));
    params.put("query_value", JsonData.of(vector));
    params.put("space_type", JsonData.of("cosinesimil"));
    Query scored = scripted(filter, "knn", "knn_score", params);
    return ranked(candidates(scored, window, query), Candidate.BY_COSINE, window);
  }

  /**
   * Bucket candidates ranked by Hamming distance, widened ring by ring exactly as the embedded
   * index widens: once the window's last candidate is within the pigeonhole bound of the rings
   * looked up, the ranking is exact; otherwise, when {@code exact}, a popcount over every document
   * decides.
   */
  private List<Candidate> hash(Codes query, int window, int maxRadius, boolean exact, Query filter)
      throws IOException {
    List<String> terms = new ArrayList<>();
    List<Candidate> ranked = List.of();
    for (int radius = 0; radius <= maxRadius; radius++) {
      terms.addAll(BucketTerms.ring(query.bits(), bits, radius));
      List<FieldValue> values = terms.stream().map(FieldValue::of).toList();
      Query buckets =
          Query.of(q -> q.terms(t -> t.field(ClusterSchema.BUCKET).terms(v -> v.value(values))));
      Query candidates =
          Query.of(
              q ->
                  q.bool(
                      b -> {
                        b.filter(buckets);
                        return filter == null ? b : b.filter(filter);
                      }));
      ranked = byHamming(query, window, candidates);
      if (ranked.size() >= window
          && ranked.get(window - 1).hamming() <= BucketTerms.guaranteed(bits, radius)) {
        return ranked;
      }
    }
    if (!exact && ranked.size() >= window) {
      return ranked;
    }
    return byHamming(query, window, filter);
  }

  /** Hash candidates, {@code hybridFactor} times the window, re-ranked by dense cosine. */
  private List<Candidate> hybrid(Codes query, int window, SearchParams params, Query filter)
      throws IOException {
    int wanted =
        (int) Math.min(ClusterSchema.MAX_RESULT_WINDOW, (long) window * params.hybridFactor());
    List<Candidate> candidates =
        new ArrayList<>(hash(query, wanted, params.maxChunkRadius(), false, filter));
    return ranked(candidates, Candidate.BY_COSINE, window);
  }

  /** The k-NN shortlist re-ranked by diffusion over the shortlist's own neighbour lists. */
  private List<Candidate> diffusion(Codes query, int window, SearchParams params, Query filter)
      throws IOException {
    if (!params.diffusion().ranks(window)) {
      return nearest(query, window, filter); // the kept nearest fill the window
    }
    int size = Math.max(window, params.diffusion().shortlist());
    List<Candidate> shortlist = nearest(query, size, filter);
    int m = shortlist.size();
    float[][] codes = new float[m][];
    float[] cosines = new float[m];
    int[] nodes = new int[m];
    for (int i = 0; i < m; i++) {
      codes[i] = shortlist.get(i).dense();
      cosines[i] = shortlist.get(i).cosine();
      nodes[i] = i;
    }
    double[] scores =
        Diffusion.scores(
            ShortlistGraph.lists(codes, graphDegree), nodes, cosines, params.diffusion());
    int[] order = Diffusion.order(scores, params.diffusion().kept());
    List<Candidate> ranked = new ArrayList<>(Math.min(window, m));
    for (int i = 0; i < Math.min(window, m); i++) {
      ranked.add(shortlist.get(order[i]));
    }
    return ranked;
  }

  /** The (filtered) documents by a popcount script: bits + 1 − Hamming, higher is nearer. */
  private List<Candidate> byHamming(Codes query, int window, Query filter) throws IOException {
    long[] words = query.bits();
    StringBuilder source = new StringBuilder("return params.bits + 1 - (0");
    Map<String, JsonData> params = new HashMap<>();
    params.put("bits", JsonData.of(bits));
    for (int w = 0; w < words.length; w++) {
      source
          .append(" + Long.bitCount(doc['")
          .append(ClusterSchema.codeWord(w))
          .append("'].value ^ (long) params.q")
          .append(w)
          .append(')');
      params.put("q" + w, JsonData.of(words[w]));
    }
    source.append(");");
    Query scored = scripted(filter, "painless", source.toString(), params);
    return ranked(candidates(scored, window, query), Candidate.BY_HAMMING, window);
  }

  private static Query scripted(
      Query filter, String lang, String source, Map<String, JsonData> params) {
    Query inner = filter != null ? filter : Query.of(q -> q.matchAll(m -> m));
    return Query.of(
        q ->
            q.scriptScore(
                s ->
                    s.query(inner)
                        .script(
                            sc ->
                                sc.inline(
                                    i ->
                                        i.lang(l -> l.custom(lang))
                                            .source(source)
                                            .params(params)))));
  }

  /** The top {@code size} documents of a query, by the cluster's score, then by id. */
  private List<Candidate> candidates(Query query, int size, Codes codes) throws IOException {
    if (size == 0) {
      return List.of();
    }
    var response =
        reads.search(
            s ->
                s.preference(preference(codes))
                    .query(query)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(f -> f.includes(hitFields)))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ClusterSchema.ID).order(SortOrder.Asc))));
    List<Candidate> candidates = new ArrayList<>(response.hits().hits().size());
    for (var hit : response.hits().hits()) {
      candidates.add(Candidate.of(hit.source(), codes, bits));
    }
    return candidates;
  }

  /**
   * Routes the same query to the same shard copies: a primary and its replica build their own HNSW
   * graphs, so an approximate answer could otherwise change between two identical requests, while
   * different queries still spread over all copies.
   */
  private static String preference(Codes query) {
    return "q" + Integer.toHexString(Arrays.hashCode(query.dense()));
  }

  private static List<Candidate> ranked(
      List<Candidate> candidates, Comparator<Candidate> order, int window) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(order);
    return sorted.size() > window ? List.copyOf(sorted.subList(0, window)) : sorted;
  }
}
