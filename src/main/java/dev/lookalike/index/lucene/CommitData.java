package dev.lookalike.index.lucene;

import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ModelMismatchException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The commit user data of an index: the schema version, the {@link ModelIdentity} whose codes it
 * holds and the file of its neighbour graph. Written with each commit that changes something, read
 * (never written) when opening.
 */
final class CommitData {

  private static final String SCHEMA = "lookalike.schema";
  private static final String MODEL = "lookalike.model";
  private static final String LATENT = "lookalike.latent";
  private static final String BITS = "lookalike.bits";
  private static final String GRAPH = "lookalike.graph";

  private CommitData() {}

  /** The user data to record with commits of codes of {@code model} and their graph file. */
  static Map<String, String> of(ModelIdentity model, String graphFile) {
    return Map.of(
        GRAPH,
        graphFile,
        SCHEMA,
        Integer.toString(IndexFields.SCHEMA_VERSION),
        MODEL,
        model.fingerprint(),
        LATENT,
        Integer.toString(model.latent()),
        BITS,
        Integer.toString(model.bits()));
  }

  /**
   * The model whose codes the last commit holds; empty when there is no commit or it holds no
   * images (an empty index takes any model).
   *
   * @throws IllegalStateException when the index has another schema version
   */
  static Optional<ModelIdentity> read(Directory directory, String location) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Optional.empty();
    }
    SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
    Map<String, String> data = commit.getUserData();
    String schema = data.get(SCHEMA);
    if (schema != null && !schema.equals(Integer.toString(IndexFields.SCHEMA_VERSION))) {
      throw new IllegalStateException(
          "index "
              + location
              + " has schema version "
              + schema
              + "; this Lookalike reads "
              + IndexFields.SCHEMA_VERSION
              + ". Re-index into an empty directory.");
    }
    long live = 0;
    for (SegmentCommitInfo segment : commit) {
      live += segment.info.maxDoc() - segment.getDelCount() - segment.getSoftDelCount();
    }
    if (live == 0) {
      return Optional.empty();
    }
    String fingerprint = data.get(MODEL);
    String latent = data.get(LATENT);
    String bits = data.get(BITS);
    if (fingerprint == null || latent == null || bits == null) {
      throw new IllegalStateException(
          "index " + location + " does not record which model built it; re-index it");
    }
    return Optional.of(
        new ModelIdentity(fingerprint, Integer.parseInt(latent), Integer.parseInt(bits)));
  }

  /** The neighbour graph file of the last commit; empty when there is none. */
  static Optional<String> graphFile(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Optional.empty();
    }
    return Optional.ofNullable(SegmentInfos.readLatestCommit(directory).getUserData().get(GRAPH));
  }

  /** Refuses a model other than the one the index holds. */
  static void check(Optional<ModelIdentity> held, ModelIdentity inUse) {
    if (held.isPresent() && !held.get().equals(inUse)) {
      throw new ModelMismatchException(held.get(), inUse);
    }
  }
}
