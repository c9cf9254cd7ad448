package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;
import dev.lookalike.index.Hit;
import dev.lookalike.index.SearchMode;
import java.util.Comparator;

/**
 * An image the cluster returned, with both distances to the query recomputed here from its codes:
 * every mode then ranks by exactly the measure the embedded index uses, whichever shard scored it.
 */
record Candidate(String id, String uri, String label, float[] dense, float cosine, int hamming) {

  /** Most similar dense code first, ties by id. */
  static final Comparator<Candidate> BY_COSINE =
      Comparator.comparingDouble((Candidate c) -> -c.cosine()).thenComparing(Candidate::id);

  /** Smallest Hamming distance first, ties by id. */
  static final Comparator<Candidate> BY_HAMMING =
      Comparator.comparingInt(Candidate::hamming).thenComparing(Candidate::id);

  static Candidate of(JsonNode source, Codes query, int bits) {
    float[] dense = ClusterDocuments.dense(source);
    return new Candidate(
        ClusterDocuments.text(source, ClusterSchema.ID),
        ClusterDocuments.text(source, ClusterSchema.URI),
        ClusterDocuments.text(source, ClusterSchema.LABEL),
        dense,
        query.cosine(dense),
        BinaryCodes.hamming(query.bits(), ClusterDocuments.words(source, bits)));
  }

  Hit hit(SearchMode mode, int bits) {
    return Hit.of(id, uri, label, cosine, hamming, mode, bits);
  }
}
