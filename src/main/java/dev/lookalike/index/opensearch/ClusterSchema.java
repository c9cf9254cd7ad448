package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.json.JsonData;

/**
 * The OpenSearch mapping of an image document, the cluster's twin of the embedded {@code
 * IndexFields}: the dense code as an HNSW {@code knn_vector} (Lucene engine, cosine, the same M and
 * beam as embedded), the binary code three ways — a binary {@code knn_vector} (Hamming), its 16-bit
 * bucket terms as keywords for candidate lookup, and its 64-bit words as longs for exact popcount
 * re-ranking — plus the stored fields. The model identity and schema version live in the mapping's
 * {@code _meta}, checked on every open as the embedded index checks its commit data.
 */
final class ClusterSchema {

  /** Version of this mapping; an index of another version is refused. */
  static final int SCHEMA_VERSION = 1;

  static final String ID = "id";
  static final String URI = "uri";
  static final String LABEL = "label";
  static final String META = "meta";
  static final String ADDED = "added";
  static final String ERROR = "error";
  static final String THUMBNAIL = "thumbnail";
  static final String DENSE = "dense";
  static final String BITS = "bits";
  static final String BUCKET = "bucket";

  /**
   * The largest result window a search may ask the cluster for: the largest k + offset of a request
   * times room for hybrid candidates. Hybrid asks for at most this many candidates.
   */
  static final int MAX_RESULT_WINDOW = 100_000;

  /** The k-NN plugin refuses a larger k. */
  static final int MAX_KNN_K = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterSchema() {}

  /** Long field holding word {@code word} of the binary code. */
  static String codeWord(int word) {
    return "code" + word;
  }

  /** The long fields of a {@code bits}-bit code's words. */
  static List<String> codeWords(int bits) {
    List<String> fields = new ArrayList<>();
    for (int w = 0; w < BinaryCodes.words(bits); w++) {
      fields.add(codeWord(w));
    }
    return fields;
  }

  /** Where a reindex recorded the directory of the model whose codes an index holds. */
  static final String MODEL_DIR = "model_dir";

  /**
   * The create-index request body: settings, mappings and, when given, the alias the index is
   * created with and the directory of its model (recorded by a reindex, so that every server on the
   * alias loads the model the alias was switched to).
   */
  static String createIndexBody(
      ModelIdentity model,
      IndexSettings index,
      OpenSearchSettings cluster,
      Optional<String> alias,
      Optional<String> modelDir) {
    ObjectNode body = JSON.createObjectNode();
    alias.ifPresent(name -> body.putObject("aliases").putObject(name));
    ObjectNode settings = body.putObject("settings").putObject("index");
    settings.put("knn", true);
    settings.put("number_of_shards", cluster.shards());
    settings.put("number_of_replicas", cluster.replicas());
    settings.put("max_result_window", MAX_RESULT_WINDOW);
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode meta = mappings.putObject("_meta");
    meta.put("schema", SCHEMA_VERSION);
    meta.put("model", model.fingerprint());
    meta.put("latent", model.latent());
    meta.put("bits", model.bits());
    modelDir.ifPresent(dir -> meta.put(MODEL_DIR, dir));
    // The thumbnail is a stored field: searches never carry it in _source.
    mappings.putObject("_source").putArray("excludes").add(THUMBNAIL);
    ObjectNode properties = mappings.putObject("properties");
    properties.putObject(ID).put("type", "keyword");
    properties.putObject(URI).put("type", "keyword").put("index", false);
    properties.putObject(LABEL).put("type", "keyword");
    properties.putObject(META).put("type", "flat_object");
    properties.putObject(ADDED).put("type", "long");
    properties.putObject(ERROR).put("type", "float");
    properties.putObject(THUMBNAIL).put("type", "binary").put("store", true);
    ObjectNode dense = properties.putObject(DENSE);
    dense.put("type", "knn_vector").put("dimension", model.latent());
    dense.put("space_type", "cosinesimil");
    hnsw(dense, index);
    ObjectNode bits = properties.putObject(BITS);
    bits.put("type", "knn_vector").put("dimension", BinaryCodes.words(model.bits()) * 64);
    bits.put("data_type", "binary").put("space_type", "hamming");
    hnsw(bits, index);
    properties.putObject(BUCKET).put("type", "keyword");
    for (int w = 0; w < BinaryCodes.words(model.bits()); w++) {
      // Read by scripts from doc values; never searched by value.
      properties.putObject(codeWord(w)).put("type", "long").put("index", false);
    }
    return body.toString();
  }

  private static void hnsw(ObjectNode field, IndexSettings index) {
    ObjectNode method = field.putObject("method");
    method.put("name", "hnsw").put("engine", "lucene");
    method
        .putObject("parameters")
        .put("m", index.hnswMaxConn())
        .put("ef_construction", index.hnswBeamWidth());
  }

  /**
   * The model identity recorded in a mapping's {@code _meta}; empty when the index was not made by
   * Lookalike. A different schema version is refused.
   */
  static Optional<ModelIdentity> identity(String index, Map<String, JsonData> meta) {
    if (meta == null || !meta.containsKey("model")) {
      return Optional.empty();
    }
    int schema = meta.get("schema").to(Integer.class);
    if (schema != SCHEMA_VERSION) {
      throw new IllegalStateException(
          "OpenSearch index "
              + index
              + " has schema version "
              + schema
              + "; this Lookalike reads "
              + SCHEMA_VERSION
              + ". Re-index into a new index.");
    }
    return Optional.of(
        new ModelIdentity(
            meta.get("model").to(String.class),
            meta.get("latent").to(Integer.class),
            meta.get("bits").to(Integer.class)));
  }
}
