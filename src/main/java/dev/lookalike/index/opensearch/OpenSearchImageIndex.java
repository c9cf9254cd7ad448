package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.codes.Codes;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.IndexStats;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.NotSupportedByEngineException;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;

/**
 * {@link ImageIndex} on an OpenSearch cluster: writes through {@link ClusterWrites}, searches
 * through {@link ClusterSearch}, collection views through {@link ClusterAnalytics}. Opened by
 * {@link OpenSearchIndexes}; closing it closes the client.
 */
final class OpenSearchImageIndex implements ImageIndex {

  private final OpenSearchClient client;
  private final String index;
  private final String location;
  private final ModelIdentity model;
  private final Retries retries;
  private final ClusterReads reads;
  private final ClusterWrites writes;
  private final ClusterSearch search;
  private final ClusterAnalytics analytics;
  private boolean deleteOnClose;

  OpenSearchImageIndex(
      OpenSearchClient client,
      String location,
      ModelIdentity model,
      OpenSearchSettings settings,
      int graphDegree) {
    this.client = client;
    this.index = settings.index();
    this.location = location;
    this.model = model;
    this.retries = new Retries(settings.retries());
    this.writes = new ClusterWrites(client, model, settings);
    this.reads = new ClusterReads(client, index, retries);
    this.search = new ClusterSearch(reads, model.bits(), graphDegree);
    this.analytics = new ClusterAnalytics(reads, model.bits());
  }

  @Override
  public void add(List<ImageRecord> records) throws IOException {
    writes.add(records);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return writes.delete(id);
  }

  @Override
  public Optional<IndexedImage> get(String id) throws IOException {
    var response =
        retries.call(
            () ->
                client.get(
                    g ->
                        g.index(index)
                            .id(id)
                            .storedFields(ClusterSchema.THUMBNAIL)
                            .source(s -> s.fetch(true)),
                    ObjectNode.class));
    if (!response.found() || response.source() == null) {
      return Optional.empty();
    }
    return Optional.of(indexedImage(response.source(), response.fields()));
  }

  @Override
  public Set<String> existing(Collection<String> ids) throws IOException {
    Set<String> found = new HashSet<>();
    for (var hit : byIds(ids, List.of())) {
      found.add(hit.id());
    }
    return found;
  }

  @Override
  public Map<String, byte[]> thumbnails(Collection<String> ids) throws IOException {
    Map<String, byte[]> thumbnails = new HashMap<>();
    for (var hit : byIds(ids, List.of(ClusterSchema.THUMBNAIL))) {
      byte[] png = thumbnail(hit.fields());
      if (png.length > 0) {
        thumbnails.put(hit.id(), png);
      }
    }
    return thumbnails;
  }

  /** The documents with these ids, in no order, with the stored fields named and no source. */
  private List<org.opensearch.client.opensearch.core.search.Hit<ObjectNode>> byIds(
      Collection<String> ids, List<String> storedFields) throws IOException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> asked = List.copyOf(ids);
    return reads
        .search(
            s -> {
              s.size(asked.size())
                  .query(q -> q.ids(i -> i.values(asked)))
                  .source(src -> src.fetch(false));
              return storedFields.isEmpty() ? s : s.storedFields(storedFields);
            })
        .hits()
        .hits();
  }

  @Override
  public List<IndexedImage> scan(String afterId, int limit) throws IOException {
    if (limit < 1) {
      return List.of();
    }
    int size = Math.min(limit, ClusterSchema.MAX_RESULT_WINDOW);
    var response =
        reads.search(
            s -> {
              s.size(size)
                  .storedFields(ClusterSchema.THUMBNAIL)
                  .source(src -> src.fetch(true))
                  .sort(o -> o.field(f -> f.field(ClusterSchema.ID).order(SortOrder.Asc)));
              return afterId == null ? s : s.searchAfter(FieldValue.of(afterId));
            });
    List<IndexedImage> images = new ArrayList<>();
    for (var hit : response.hits().hits()) {
      images.add(indexedImage(hit.source(), hit.fields()));
    }
    return images;
  }

  private IndexedImage indexedImage(ObjectNode source, Map<String, JsonData> fields) {
    return new IndexedImage(
        ClusterDocuments.storedImage(source),
        thumbnail(fields),
        ClusterDocuments.codes(source, model.bits()));
  }

  private static byte[] thumbnail(Map<String, JsonData> fields) {
    JsonData thumbnail = fields == null ? null : fields.get(ClusterSchema.THUMBNAIL);
    return thumbnail == null
        ? new byte[0]
        : Base64.getDecoder().decode(thumbnail.toJson().asJsonArray().getString(0));
  }

  @Override
  public List<Hit> search(Codes query, SearchParams params) throws IOException {
    model.checkQuery(query);
    return search.search(query, params);
  }

  /**
   * Makes every acknowledged change visible to searches. Durability needs nothing more: the cluster
   * synced each acknowledged write to its translog before acknowledging it.
   */
  @Override
  public void commit() throws IOException {
    retries.call(() -> client.indices().refresh(r -> r.index(index)));
  }

  /**
   * Not here: a cluster is backed up by its own snapshot API into a registered repository, which
   * copies shards in parallel and incrementally; copying through one client would be neither.
   */
  @Override
  public IndexSnapshot snapshot(Path target) {
    throw new NotSupportedByEngineException(
        "the OpenSearch index "
            + index
            + " is backed up with the cluster's snapshot API (PUT _snapshot/<repository>/<name>)");
  }

  @Override
  public long count() throws IOException {
    return retries.call(() -> client.count(c -> c.index(index)).count());
  }

  @Override
  public IndexStats stats() throws IOException {
    var stats = retries.call(() -> client.indices().stats(s -> s.index(index))).indices();
    var primaries = stats.get(index).primaries();
    long size = primaries.store() == null ? 0 : primaries.store().sizeInBytes();
    int segments = primaries.segments() == null ? 0 : primaries.segments().count();
    return new IndexStats(count(), size, segments, model.fingerprint(), location);
  }

  @Override
  public CollectionAnalytics analytics() {
    return analytics;
  }

  /** Makes {@link #close} delete the index: a scratch index leaves nothing behind. */
  void deleteOnClose() {
    deleteOnClose = true;
  }

  @Override
  public void close() throws IOException {
    if (deleteOnClose) {
      try {
        retries.call(() -> client.indices().delete(d -> d.index(index)));
      } catch (IOException | RuntimeException e) {
        // still close the client below; the caller learns the index was left behind
        closeClient();
        throw new IOException("cannot delete scratch index " + index + ": " + e.getMessage(), e);
      }
    }
    closeClient();
  }

  private void closeClient() throws IOException {
    try {
      client._transport().close();
    } catch (Exception e) {
      throw new IOException("cannot close the OpenSearch client: " + e.getMessage(), e);
    }
  }
}
