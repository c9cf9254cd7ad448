package dev.lookalike.index.opensearch;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ModelMismatchException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;

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
          if (held(client, concrete, retries).isEmpty()) {
            if (!create) {
              throw new NoSuchFileException(
                  connection.describe() + "/" + settings.index(),
                  null,
                  "no such index; add images first");
            }
            concrete = ClusterAliases.concreteName(settings.index(), model.fingerprint());
          }
          createOrCheck(
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
          createOrCheck(client, retries, index, settings.withIndex(target), model, null, dir);
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
            held(client, ClusterAliases.resolve(client, settings.index(), retries), retries));
  }

  /** The model directory a reindex recorded in the index the configured name stands for. */
  public static Optional<Path> liveModelDir(
      ClusterConnection connection, OpenSearchSettings settings) throws IOException {
    return call(
        connection,
        settings,
        (client, retries) ->
            meta(client, ClusterAliases.resolve(client, settings.index(), retries), retries)
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

  /** The identity recorded by an existing index; empty when there is no such index. */
  private static Optional<ModelIdentity> held(OpenSearchClient client, String name, Retries retries)
      throws IOException {
    Optional<Map<String, JsonData>> meta = meta(client, name, retries);
    if (meta.isEmpty()) {
      return Optional.empty();
    }
    Optional<ModelIdentity> identity = ClusterSchema.identity(name, meta.get());
    if (identity.isEmpty()) {
      throw new IllegalStateException(
          "OpenSearch index "
              + name
              + " exists but was not made by Lookalike; choose another name");
    }
    return identity;
  }

  /** The {@code _meta} of an existing index's mapping; empty when there is no such index. */
  private static Optional<Map<String, JsonData>> meta(
      OpenSearchClient client, String name, Retries retries) throws IOException {
    if (!retries.call(() -> client.indices().exists(e -> e.index(name)).value())) {
      return Optional.empty();
    }
    var mapping = retries.call(() -> client.indices().getMapping(m -> m.index(name)));
    Map<String, JsonData> meta = mapping.result().get(name).mappings().meta();
    return Optional.of(meta == null ? Map.of() : meta);
  }

  /**
   * Creates the index {@code settings} names when missing, with {@code alias} and {@code modelDir}
   * if given; an existing one must hold {@code model}.
   */
  private static void createOrCheck(
      OpenSearchClient client,
      Retries retries,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model,
      String alias,
      String modelDir)
      throws IOException {
    Optional<ModelIdentity> held = held(client, settings.index(), retries);
    if (held.isEmpty()) {
      create(client, index, settings, model, alias, modelDir);
    } else if (!held.get().equals(model)) {
      throw new ModelMismatchException(held.get(), model);
    }
  }

  /** Creates the index {@code settings} names, with {@code alias} and {@code modelDir} if given. */
  private static void create(
      OpenSearchClient client,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model,
      String alias,
      String modelDir)
      throws IOException {
    String body =
        ClusterSchema.createIndexBody(
            model, index, settings, Optional.ofNullable(alias), Optional.ofNullable(modelDir));
    // The generic client: the typed one has no builder for k-NN mapping parameters.
    try (var response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + settings.index())
                    .json(body)
                    .build())) {
      if (response.getStatus() == 400
          && response
              .getBody()
              .map(b -> b.bodyAsString())
              .orElse("")
              .contains("resource_already_exists")) {
        alreadyCreated(client, settings, model);
      } else if (response.getStatus() >= 300) {
        throw new IOException(
            "OpenSearch refused to create index "
                + settings.index()
                + ": "
                + response.getBody().map(b -> b.bodyAsString()).orElse(response.getReason()));
      }
    }
  }

  /** Another process created the index first: then it must hold the same model. */
  private static void alreadyCreated(
      OpenSearchClient client, OpenSearchSettings settings, ModelIdentity model)
      throws IOException {
    Optional<ModelIdentity> held = held(client, settings.index(), new Retries(settings.retries()));
    if (held.isPresent() && !held.get().equals(model)) {
      throw new ModelMismatchException(held.get(), model);
    }
  }
}
