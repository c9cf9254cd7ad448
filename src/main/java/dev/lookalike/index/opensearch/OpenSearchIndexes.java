package dev.lookalike.index.opensearch;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The ways to open the cluster index and to move it to another model; everything else sees only
 * {@link ImageIndex}. The configured name is an alias ({@link ClusterAliases}): the index behind it
 * is {@code NAME-<fingerprint>}.
 */
public final class OpenSearchIndexes {

  private OpenSearchIndexes() {}

  /** A cluster call on a client of its own. */
  private interface Call<T> {
    T call(OpenSearchClient client, Retries retries) throws IOException;
  }

  /**
   * Opens the cluster's index for codes of {@code model}, creating it (with {@code settings}'
   * shards and replicas) when missing. An existing index of another model or schema is refused
   * before anything is written.
   */
  public static ImageIndex open(
      ClusterConnection connection,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model)
      throws IOException {
    return open(connection, index, settings, model, true);
  }

  /**
   * Opens the index the configured name stands for; when {@code create} is false a missing index is
   * refused instead of created, so opening writes nothing. A new index is created as {@code
   * NAME-<fingerprint>} with the alias {@code NAME}.
   */
  public static ImageIndex open(
      ClusterConnection connection,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model,
      boolean create)
      throws IOException {
    return opened(
        connection,
        index,
        settings,
        model,
        (client, retries) -> {
          String concrete = ClusterAliases.resolve(client, settings.index(), retries);
          if (ClusterIndexMeta.held(client, concrete, retries).isEmpty()) {
            if (!create) {
              throw new NoSuchFileException(
                  connection.describe() + "/" + settings.index(),
                  null,
                  "no such index; add images first");
            }
            concrete = ClusterAliases.concreteName(settings.index(), model.fingerprint());
          }
          ClusterIndexMeta.createOrCheck(
              client, retries, index, settings.withIndex(concrete), model, settings.index(), null);
          return concrete;
        });
  }

  /**
   * The index a reindex to {@code model} (loaded from {@code modelDir}) builds beside the live one:
   * {@code NAME-<fingerprint>}, created without the alias and recording {@code modelDir}; an
   * existing one of that model is opened, so a build that stopped resumes.
   *
   * @throws IllegalArgumentException when that index is the one the alias names now
   */
  public static ImageIndex openReindexTarget(
      ClusterConnection connection,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model,
      Path modelDir)
      throws IOException {
    String target = reindexTargetName(settings, model);
    return opened(
        connection,
        index,
        settings,
        model,
        (client, retries) -> {
          if (ClusterAliases.resolve(client, settings.index(), retries).equals(target)) {
            throw new IllegalArgumentException("OpenSearch index " + target + " is live already");
          }
          String dir = modelDir.toAbsolutePath().normalize().toString();
          ClusterIndexMeta.createOrCheck(
              client, retries, index, settings.withIndex(target), model, null, dir);
          return target;
        });
  }

  /** The name of the index {@link #openReindexTarget} opens for {@code model}. */
  public static String reindexTargetName(OpenSearchSettings settings, ModelIdentity model) {
    return ClusterAliases.concreteName(settings.index(), model.fingerprint());
  }

  /**
   * Makes {@code target} the index the configured name stands for, atomically.
   *
   * @return the index it stood for before (still there, unless it was an index of that name)
   */
  public static String switchTo(
      ClusterConnection connection, OpenSearchSettings settings, String target) throws IOException {
    return call(
        connection,
        settings,
        (client, retries) -> ClusterAliases.move(client, settings.index(), target, retries));
  }

  /** The model identity the configured index holds; empty when there is no such index. */
  public static Optional<ModelIdentity> heldModel(
      ClusterConnection connection, OpenSearchSettings settings) throws IOException {
    return call(
        connection,
        settings,
        (client, retries) ->
            ClusterIndexMeta.held(
                client, ClusterAliases.resolve(client, settings.index(), retries), retries));
  }

  /** The model directory a reindex recorded in the index the configured name stands for. */
  public static Optional<Path> liveModelDir(
      ClusterConnection connection, OpenSearchSettings settings) throws IOException {
    return call(
        connection,
        settings,
        (client, retries) ->
            ClusterIndexMeta.meta(
                    client, ClusterAliases.resolve(client, settings.index(), retries), retries)
                .map(meta -> meta.get(ClusterSchema.MODEL_DIR))
                .map(dir -> Path.of(dir.to(String.class))));
  }

  /**
   * A new index named after {@code settings}' with a unique suffix, deleted when closed: a scratch
   * index, e.g. for {@code evaluate} to measure the cluster's modes.
   */
  public static ImageIndex openScratch(
      ClusterConnection connection,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model)
      throws IOException {
    String name =
        settings.index()
            + "-scratch-"
            + Long.toHexString(System.nanoTime() ^ ProcessHandle.current().pid());
    OpenSearchImageIndex opened =
        (OpenSearchImageIndex) open(connection, index, settings.withIndex(name), model, true);
    opened.deleteOnClose();
    return opened;
  }

  /** The index {@code find} names, on a client that the index owns from then on. */
  private static ImageIndex opened(
      ClusterConnection connection,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model,
      Call<String> find)
      throws IOException {
    OpenSearchClient client = ClusterClients.connect(connection);
    try {
      String concrete = find.call(client, new Retries(settings.retries()));
      return new OpenSearchImageIndex(
          client,
          "opensearch " + connection.describe() + "/" + concrete,
          model,
          settings.withIndex(concrete),
          index.graphDegree());
    } catch (IOException | RuntimeException e) {
      close(client, e);
      throw e;
    }
  }

  private static <T> T call(ClusterConnection connection, OpenSearchSettings settings, Call<T> call)
      throws IOException {
    OpenSearchClient client = ClusterClients.connect(connection);
    try {
      return call.call(client, new Retries(settings.retries()));
    } finally {
      client._transport().close();
    }
  }

  private static void close(OpenSearchClient client, Exception failure) {
    try {
      client._transport().close();
    } catch (Exception closing) {
      failure.addSuppressed(closing);
    }
  }
}
