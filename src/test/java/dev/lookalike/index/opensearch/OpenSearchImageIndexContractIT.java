package dev.lookalike.index.opensearch;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageIndexContractTest;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.util.Locale;

/**
 * The index contract on a real two-node OpenSearch cluster, each index with 2 shards and 1 replica:
 * the same cases as the embedded index, no allowance beyond the HNSW recall both already allow.
 */
class OpenSearchImageIndexContractIT extends ImageIndexContractTest {

  private final TestCluster cluster = TestCluster.running();
  private final String prefix =
      "contract-" + Long.toHexString(seed ^ System.nanoTime()).toLowerCase(Locale.ROOT);

  private String current;
  private int opened;

  private OpenSearchSettings settings() {
    return OpenSearchSettings.of(current, 2, 1);
  }

  @Override
  protected ImageIndex openEmpty(ModelIdentity model) throws IOException {
    current = prefix + "-" + opened++;
    return OpenSearchIndexes.open(
        cluster.connection(), IndexSettings.defaults(), settings(), model);
  }

  @Override
  protected ImageIndex reopen(ModelIdentity model) throws IOException {
    return OpenSearchIndexes.open(
        cluster.connection(), IndexSettings.defaults(), settings(), model);
  }

  /** The mapping and every document's id, sequence number and primary term. */
  @Override
  protected Object persistedState() throws IOException {
    return cluster.get(1, "/" + current + "/_mapping")
        + cluster.get(
            1,
            "/"
                + current
                + "/_search?size=10000&sort=id:asc&seq_no_primary_term=true&_source=false"
                + "&filter_path=hits.hits._id,hits.hits._seq_no,hits.hits._primary_term");
  }
}
