package dev.lookalike.index.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ModelMismatchException;
import dev.lookalike.index.RandomImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * The configured index name as an alias on the real cluster: a new index is created behind it, a
 * reindex target is built beside it and the switch moves the alias in one call; an index made
 * before aliases is replaced by the alias in the same call.
 */
class ClusterAliasesIT {

  private static final ModelIdentity OLD = new ModelIdentity("0123456789abcdef", 16, 64);
  private static final ModelIdentity NEW = new ModelIdentity("fedcba9876543210", 16, 64);

  private final TestCluster cluster = TestCluster.running();
  private final String name = "alias-" + Long.toHexString(System.nanoTime());
  private final OpenSearchSettings settings = OpenSearchSettings.of(name, 1, 0);

  @Test
  void aReindexMovesTheAliasAndKeepsTheOldIndex() throws IOException {
    try (ImageIndex live = open(OLD)) {
      live.add(List.of(new RandomImages(new Random(3), OLD).record(0)));
    }
    assertEquals(List.of(name + "-0123456789ab"), aliasTargets(), "created behind its alias");
    assertThrows(ModelMismatchException.class, () -> open(NEW).close());
    IllegalArgumentException live =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OpenSearchIndexes.openReindexTarget(
                        cluster.connection(), IndexSettings.defaults(), settings, OLD, Path.of("m"))
                    .close());
    assertTrue(live.getMessage().contains("live already"), live.getMessage());

    Path modelDir = Path.of("/models/new").toAbsolutePath();
    try (ImageIndex target =
        OpenSearchIndexes.openReindexTarget(
            cluster.connection(), IndexSettings.defaults(), settings, NEW, modelDir)) {
      target.add(List.of(new RandomImages(new Random(4), NEW).record(0)));
      target.add(List.of(new RandomImages(new Random(5), NEW).record(1)));
    }
    assertEquals(List.of(name + "-0123456789ab"), aliasTargets(), "not live before the switch");
    assertEquals(Optional.empty(), OpenSearchIndexes.liveModelDir(cluster.connection(), settings));

    String before =
        OpenSearchIndexes.switchTo(cluster.connection(), settings, name + "-fedcba987654");
    assertEquals(name + "-0123456789ab", before);
    assertEquals(List.of(name + "-fedcba987654"), aliasTargets());
    assertEquals(Optional.of(NEW), OpenSearchIndexes.heldModel(cluster.connection(), settings));
    assertEquals(
        Optional.of(modelDir), OpenSearchIndexes.liveModelDir(cluster.connection(), settings));
    try (ImageIndex switched = open(NEW)) {
      assertEquals(2, switched.count());
    }
    assertTrue(
        cluster.get(1, "/" + name + "-0123456789ab/_count").contains("\"count\":1"),
        "the old index is kept");
  }

  @Test
  void anIndexMadeBeforeAliasesGivesWayToTheAliasInTheSameCall() throws IOException {
    OpenSearchClient client = ClusterClients.connect(cluster.connection());
    try (var created =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + name)
                    .json(
                        ClusterSchema.createIndexBody(
                            OLD,
                            IndexSettings.defaults(),
                            settings,
                            Optional.empty(),
                            Optional.empty()))
                    .build())) {
      assertEquals(200, created.getStatus());
    } finally {
      client._transport().close();
    }
    try (ImageIndex legacy = open(OLD)) {
      legacy.add(List.of(new RandomImages(new Random(3), OLD).record(0)));
    }
    assertEquals(List.of(), aliasTargets(), "an index of that name, no alias");
    OpenSearchIndexes.openReindexTarget(
            cluster.connection(), IndexSettings.defaults(), settings, NEW, Path.of("m"))
        .close();

    assertEquals(
        name, OpenSearchIndexes.switchTo(cluster.connection(), settings, name + "-fedcba987654"));
    assertEquals(List.of(name + "-fedcba987654"), aliasTargets());
    assertEquals(Optional.of(NEW), OpenSearchIndexes.heldModel(cluster.connection(), settings));
  }

  private ImageIndex open(ModelIdentity model) throws IOException {
    return OpenSearchIndexes.open(cluster.connection(), IndexSettings.defaults(), settings, model);
  }

  /** The indexes the alias names, from the cluster itself. */
  private List<String> aliasTargets() throws IOException {
    return cluster
        .get(1, "/_cat/aliases/" + name + "?h=index")
        .lines()
        .map(String::trim)
        .filter(l -> !l.isEmpty())
        .sorted()
        .toList();
  }
}
