package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.eval.LabeledTrees;
import dev.lookalike.index.opensearch.TestCluster;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} with {@code lookalike.engine=opensearch}: the index rows are the cluster's own
 * modes, measured on a scratch index that is gone afterwards.
 */
@QuarkusMainTest
@TestProfile(EvaluateOnClusterIT.OnCluster.class)
class EvaluateOnClusterIT {

  static final String INDEX = "evaluate-" + ProcessHandle.current().pid();

  public static class OnCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(new CliTestProfile().getConfigOverrides());
      config.putAll(TestCluster.running().engineConfig(INDEX));
      return config;
    }
  }

  @TempDir Path root;

  @Test
  void indexRowsAreTheClustersModesOnAScratchIndex(QuarkusMainLauncher launcher)
      throws IOException {
    LabeledTrees.write(root, 3, 12);
    LaunchResult evaluate =
        launcher.launch("evaluate", "--data", root.toString(), "--queries", "9");
    assertEquals(0, evaluate.exitCode(), evaluate.getErrorOutput());
    String out = evaluate.getOutput();
    for (String mode : new String[] {"dense", "hash", "hybrid", "diffusion"}) {
      assertTrue(out.contains("DAE " + mode + " (OpenSearch)"), out);
    }
    assertFalse(out.contains("(Lucene"), out);
    String indices = TestCluster.running().get(1, "/_cat/indices?h=index");
    assertFalse(indices.contains(INDEX + "-scratch-"), "scratch index left behind: " + indices);
  }
}
