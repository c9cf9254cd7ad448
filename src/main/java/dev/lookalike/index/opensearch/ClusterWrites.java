package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Adds and deletes through the bulk API. A batch is acknowledged only when every document in it is:
 * items the cluster refuses with 429 or 5xx are sent again (with back-off) and the caller waits
 * meanwhile, which is the back-pressure a bulk load needs; any other refusal fails the add naming
 * the image. Each request refreshes, so an acknowledged image is searchable at once; durability is
 * the cluster's (the translog is synced per request before it acknowledges).
 */
final class ClusterWrites {

  private final OpenSearchClient client;
  private final String index;
  private final ModelIdentity model;
  private final OpenSearchSettings settings;
  private final Retries retries;

  ClusterWrites(OpenSearchClient client, ModelIdentity model, OpenSearchSettings settings) {
    this.client = client;
    this.index = settings.index();
    this.model = model;
    this.settings = settings;
    this.retries = new Retries(settings.retries());
  }

  void add(List<ImageRecord> records) throws IOException {
    long now = System.currentTimeMillis();
    List<BulkOperation> operations = new ArrayList<>(records.size());
    for (ImageRecord record : records) {
      ObjectNode doc = ClusterDocuments.toDocument(record, model, now);
      operations.add(
          BulkOperation.of(op -> op.index(i -> i.index(index).id(record.id()).document(doc))));
    }
    for (int from = 0; from < operations.size(); from += settings.bulkBatch()) {
      bulk(operations.subList(from, Math.min(operations.size(), from + settings.bulkBatch())));
    }
  }

  /** Sends one batch until every item is acknowledged or a refusal is final. */
  private void bulk(List<BulkOperation> batch) throws IOException {
    List<BulkOperation> pending = batch;
    for (int attempt = 0; ; attempt++) {
      List<BulkOperation> sent = pending;
      BulkResponse response =
          retries.call(() -> client.bulk(b -> b.operations(sent).refresh(Refresh.True)));
      if (!response.errors()) {
        return;
      }
      List<BulkOperation> again = new ArrayList<>();
      for (int i = 0; i < response.items().size(); i++) {
        BulkResponseItem item = response.items().get(i);
        if (item.error() == null) {
          continue;
        }
        if (!Retries.retryable(item.status())) {
          throw new IOException(
              "OpenSearch refused image " + item.id() + ": " + item.error().reason());
        }
        again.add(sent.get(i));
      }
      if (attempt >= retries.retries()) {
        throw new IOException(
            "OpenSearch kept refusing "
                + again.size()
                + " images (429/5xx) after "
                + attempt
                + " retries; the cluster is overloaded or shards are unavailable");
      }
      pending = again;
      retries.backOff(attempt);
    }
  }

  boolean delete(String id) throws IOException {
    return retries.call(
            () -> client.delete(d -> d.index(index).id(id).refresh(Refresh.True)).result())
        == Result.Deleted;
  }
}
