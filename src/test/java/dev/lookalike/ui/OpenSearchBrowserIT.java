package dev.lookalike.ui;

import dev.lookalike.index.opensearch.TestCluster;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Every browser test again, with the server on {@code lookalike.engine=opensearch} against the real
 * two-node cluster: the UI works unchanged on the scale-out engine.
 */
@QuarkusTest
@TestProfile(OpenSearchBrowserIT.OnCluster.class)
class OpenSearchBrowserIT extends BrowserTest {

  public static class OnCluster extends BrowserTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      TestCluster cluster = TestCluster.running();
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("lookalike.engine", "opensearch");
      config.put("lookalike.opensearch.hosts", cluster.node(1) + "," + cluster.node(2));
      config.put("lookalike.opensearch.index", "ui-" + ProcessHandle.current().pid());
      config.put("lookalike.opensearch.shards", "2");
      return config;
    }
  }
}
