package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.index.BucketTerms;
import dev.lookalike.index.CodeSample;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Collection views computed by the cluster — aggregations and bounded searches — so the server
 * never reads the whole index: labels by a terms aggregation, the sample by a seeded random score,
 * outliers by a sort on the reconstruction error, near-duplicates from the buckets that hold more
 * than one image.
 */
final class ClusterAnalytics implements CollectionAnalytics {

  /** The most distinct labels listed. */
  static final int MAX_LABELS = 10_000;

  /** Near-duplicate search looks at this many of the fullest shared buckets… */
  static final int MAX_DUPLICATE_BUCKETS = 10_000;

  /** …and at this many images of each. */
  static final int MAX_BUCKET_IMAGES = 100;

  private static final int SAMPLE_SEED = 42;

  private final ClusterReads reads;
  private final int bits;

  ClusterAnalytics(ClusterReads reads, int bits) {
    this.reads = reads;
    this.bits = bits;
  }

  @Override
  public List<String> labels() throws IOException {
    var response =
        reads.search(
            s ->
                s.size(0)
                    .aggregations(
                        "labels",
                        a -> a.terms(t -> t.field(ClusterSchema.LABEL).size(MAX_LABELS))));
    List<String> labels = new ArrayList<>();
    for (var bucket : response.aggregations().get("labels").sterms().buckets().array()) {
      labels.add(bucket.key());
    }
    labels.sort(Comparator.naturalOrder());
    return labels;
  }

  /** A seeded random choice: spread over the whole index, the same for the same index state. */
  @Override
  public List<CodeSample> sample(int max) throws IOException {
    int size = Math.min(Math.max(0, max), ClusterSchema.MAX_RESULT_WINDOW);
    if (size == 0) {
      return List.of();
    }
    var response =
        reads.search(
            s ->
                s.size(size)
                    .query(
                        q ->
                            q.functionScore(
                                f ->
                                    f.functions(
                                        fn ->
                                            fn.randomScore(
                                                r ->
                                                    r.seed(JsonData.of(SAMPLE_SEED))
                                                        .field("_seq_no")))))
                    .source(
                        src ->
                            src.filter(
                                f ->
                                    f.includes(
                                        List.of(
                                            ClusterSchema.ID,
                                            ClusterSchema.LABEL,
                                            ClusterSchema.DENSE))))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ClusterSchema.ID).order(SortOrder.Asc))));
    List<CodeSample> sample = new ArrayList<>();
    for (var hit : response.hits().hits()) {
      JsonNode source = hit.source();
      sample.add(
          new CodeSample(
              ClusterDocuments.text(source, ClusterSchema.ID),
              ClusterDocuments.text(source, ClusterSchema.LABEL),
              ClusterDocuments.dense(source)));
    }
    return sample;
  }

  @Override
  public List<StoredImage> outliers(int k) throws IOException {
    if (k < 1 || k > SearchParams.MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + SearchParams.MAX_K + "], got: " + k);
    }
    var response =
        reads.search(
            s ->
                s.size(k)
                    .query(q -> q.exists(e -> e.field(ClusterSchema.ERROR)))
                    .source(src -> src.filter(f -> f.excludes(codeFields())))
                    .sort(o -> o.field(f -> f.field(ClusterSchema.ERROR).order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ClusterSchema.ID).order(SortOrder.Asc))));
    List<StoredImage> images = new ArrayList<>();
    for (var hit : response.hits().hits()) {
      images.add(ClusterDocuments.storedImage(hit.source()));
    }
    return images;
  }

  /**
   * Images within {@code maxHamming} bits of each other, grouped transitively. Two codes that close
   * share a bucket term exactly when {@code maxHamming} is below the number of chunks (pigeonhole),
   * so the groups come from the buckets the cluster reports as shared; wider distances are refused.
   * Bounded: the {@value #MAX_DUPLICATE_BUCKETS} fullest shared buckets, {@value
   * #MAX_BUCKET_IMAGES} images of each.
   */
  @Override
  public List<List<StoredImage>> duplicates(int maxHamming, int maxGroups) throws IOException {
    int limit = BucketTerms.chunks(bits) - 1;
    if (maxHamming < 0 || maxHamming > limit) {
      throw new IllegalArgumentException(
          "maxHamming must be in [0, "
              + limit
              + "] for "
              + bits
              + "-bit codes on the OpenSearch engine, got: "
              + maxHamming);
    }
    if (maxGroups < 1) {
      throw new IllegalArgumentException("maxGroups must be at least 1, got: " + maxGroups);
    }
    Map<String, String> parent = new HashMap<>();
    for (List<Member> bucket : sharedBuckets()) {
      for (int i = 0; i < bucket.size(); i++) {
        for (int j = i + 1; j < bucket.size(); j++) {
          if (BinaryCodes.hamming(bucket.get(i).code(), bucket.get(j).code()) <= maxHamming) {
            union(parent, bucket.get(i).id(), bucket.get(j).id());
          }
        }
      }
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    parent.keySet().stream()
        .sorted()
        .forEach(id -> groups.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id));
    List<List<String>> found =
        new ArrayList<>(groups.values().stream().filter(g -> g.size() > 1).toList());
    found.sort(
        Comparator.<List<String>>comparingInt(List::size).reversed().thenComparing(g -> g.get(0)));
    found = found.subList(0, Math.min(maxGroups, found.size()));
    Map<String, StoredImage> images = storedImages(found.stream().flatMap(List::stream).toList());
    List<List<StoredImage>> result = new ArrayList<>();
    for (List<String> group : found) {
      result.add(group.stream().map(images::get).toList());
    }
    return result;
  }

  private record Member(String id, long[] code) {}

  /** The images of every bucket term that more than one image has. */
  private List<List<Member>> sharedBuckets() throws IOException {
    List<String> fields = new ArrayList<>(List.of(ClusterSchema.ID));
    fields.addAll(ClusterSchema.codeWords(bits));
    var response =
        reads.search(
            s ->
                s.size(0)
                    .aggregations(
                        "shared",
                        a ->
                            a.terms(
                                    t ->
                                        t.field(ClusterSchema.BUCKET)
                                            .minDocCount(2L)
                                            .size(MAX_DUPLICATE_BUCKETS))
                                .aggregations(
                                    "images",
                                    h ->
                                        h.topHits(
                                            th ->
                                                th.size(MAX_BUCKET_IMAGES)
                                                    .source(
                                                        src ->
                                                            src.filter(
                                                                f -> f.includes(fields)))))));
    List<List<Member>> buckets = new ArrayList<>();
    for (var bucket : response.aggregations().get("shared").sterms().buckets().array()) {
      List<Member> members = new ArrayList<>();
      for (var hit : bucket.aggregations().get("images").topHits().hits().hits()) {
        JsonNode source = hit.source().to(ObjectNode.class);
        members.add(
            new Member(
                ClusterDocuments.text(source, ClusterSchema.ID),
                ClusterDocuments.words(source, bits)));
      }
      buckets.add(members);
    }
    return buckets;
  }

  private Map<String, StoredImage> storedImages(List<String> ids) throws IOException {
    Map<String, StoredImage> images = new HashMap<>();
    if (ids.isEmpty()) {
      return images;
    }
    Query byId = Query.of(q -> q.ids(i -> i.values(ids)));
    var response =
        reads.search(
            s ->
                s.size(ids.size())
                    .query(byId)
                    .source(src -> src.filter(f -> f.excludes(codeFields()))));
    for (var hit : response.hits().hits()) {
      StoredImage image = ClusterDocuments.storedImage(hit.source());
      images.put(image.id(), image);
    }
    return images;
  }

  private List<String> codeFields() {
    List<String> fields =
        new ArrayList<>(List.of(ClusterSchema.DENSE, ClusterSchema.BITS, ClusterSchema.BUCKET));
    fields.addAll(ClusterSchema.codeWords(bits));
    return fields;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    String ra = root(parent, a);
    String rb = root(parent, b);
    if (!ra.equals(rb)) {
      // the smaller id is the root, so groups come out in a fixed order
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  private static String root(Map<String, String> parent, String id) {
    String at = id;
    while (!parent.get(at).equals(at)) {
      at = parent.get(at);
    }
    return at;
  }
}
