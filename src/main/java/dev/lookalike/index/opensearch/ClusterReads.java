package dev.lookalike.index.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Every search the engine sends to its index, retried ({@link Retries}) and refused when
 * incomplete: a shard copy that dies mid-request makes the cluster answer without its documents,
 * which would silently drop hits, so that answer is retried like a failure and the cluster routes
 * the retry to the surviving copies.
 */
final class ClusterReads {

  private final OpenSearchClient client;
  private final String index;
  private final Retries retries;

  ClusterReads(OpenSearchClient client, String index, Retries retries) {
    this.client = client;
    this.index = index;
    this.retries = retries;
  }

  SearchResponse<ObjectNode> search(UnaryOperator<SearchRequest.Builder> request)
      throws IOException {
    return retries.call(
        () -> complete(client.search(s -> request.apply(s.index(index)), ObjectNode.class)));
  }

  private static <T> SearchResponse<T> complete(SearchResponse<T> response) throws IOException {
    if (response.shards().failed() > 0) {
      throw new IOException(
          "partial results: "
              + response.shards().failed()
              + " of "
              + response.shards().total()
              + " shards failed");
    }
    return response;
  }
}
