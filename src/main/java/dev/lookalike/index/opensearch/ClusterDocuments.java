package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;
import dev.lookalike.index.BucketTerms;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.StoredImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Converts between {@link ImageRecord}s and OpenSearch documents ({@link ClusterSchema}). */
final class ClusterDocuments {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ClusterDocuments() {}

  /** The _source fields a ranked hit needs: identity and both codes. */
  static List<String> hitFields(int bits) {
    List<String> fields =
        new ArrayList<>(List.of(ClusterSchema.ID, ClusterSchema.URI, ClusterSchema.LABEL));
    fields.add(ClusterSchema.DENSE);
    fields.addAll(ClusterSchema.codeWords(bits));
    return fields;
  }

  static ObjectNode toDocument(ImageRecord record, ModelIdentity model, long addedAt) {
    if (record.codes().dense().length != model.latent()
        || record.codes().bits().length != BinaryCodes.words(model.bits())) {
      throw new IllegalArgumentException(
          "image "
              + record.id()
              + " has codes of another shape than the index's model "
              + model
              + " holds");
    }
    ObjectNode doc = NODES.objectNode();
    doc.put(ClusterSchema.ID, record.id());
    doc.put(ClusterSchema.URI, record.uri());
    if (record.label() != null && !record.label().isBlank()) {
      doc.put(ClusterSchema.LABEL, record.label());
    }
    if (!record.metadata().isEmpty()) {
      ObjectNode meta = doc.putObject(ClusterSchema.META);
      record.metadata().forEach(meta::put);
    }
    doc.put(ClusterSchema.ADDED, addedAt);
    if (!Float.isNaN(record.reconstructionError())) {
      doc.put(ClusterSchema.ERROR, record.reconstructionError());
    }
    if (record.thumbnailPng().length > 0) {
      doc.put(ClusterSchema.THUMBNAIL, record.thumbnailPng());
    }
    var dense = doc.putArray(ClusterSchema.DENSE);
    for (float v : record.codes().dense()) {
      dense.add(v);
    }
    long[] words = record.codes().bits();
    var packed = doc.putArray(ClusterSchema.BITS);
    for (long word : words) {
      for (int b = 0; b < Long.BYTES; b++) {
        packed.add((byte) (word >>> (8 * b)));
      }
    }
    var bucket = doc.putArray(ClusterSchema.BUCKET);
    BucketTerms.of(words, model.bits()).forEach(bucket::add);
    for (int w = 0; w < words.length; w++) {
      doc.put(ClusterSchema.codeWord(w), words[w]);
    }
    return doc;
  }

  static String text(JsonNode source, String field) {
    JsonNode value = source.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static float[] dense(JsonNode source) {
    JsonNode values = source.get(ClusterSchema.DENSE);
    float[] dense = new float[values.size()];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = values.get(i).floatValue();
    }
    return dense;
  }

  static long[] words(JsonNode source, int bits) {
    long[] words = new long[BinaryCodes.words(bits)];
    for (int w = 0; w < words.length; w++) {
      words[w] = source.get(ClusterSchema.codeWord(w)).longValue();
    }
    return words;
  }

  static Codes codes(JsonNode source, int bits) {
    return new Codes(dense(source), words(source, bits));
  }

  static StoredImage storedImage(JsonNode source) {
    Map<String, String> metadata = new TreeMap<>();
    JsonNode meta = source.get(ClusterSchema.META);
    if (meta != null) {
      meta.properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
    }
    JsonNode added = source.get(ClusterSchema.ADDED);
    JsonNode error = source.get(ClusterSchema.ERROR);
    return new StoredImage(
        text(source, ClusterSchema.ID),
        text(source, ClusterSchema.URI),
        text(source, ClusterSchema.LABEL),
        metadata,
        added == null ? 0 : added.longValue(),
        error == null || error.isNull() ? null : error.floatValue());
  }
}
