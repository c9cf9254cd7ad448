package dev.lookalike.index.opensearch;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ModelMismatchException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;

/** The ways to open the cluster index; everything else sees only {@link ImageIndex}. */
public final class OpenSearchIndexes {

  private OpenSearchIndexes() {}

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
   * Opens the cluster's index; when {@code create} is false a missing index is refused instead of
   * created, so opening writes nothing.
   */
  public static ImageIndex open(
      ClusterConnection connection,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model,
      boolean create)
      throws IOException {
    OpenSearchClient client = ClusterClients.connect(connection);
    try {
      Retries retries = new Retries(settings.retries());
      Optional<ModelIdentity> held = held(client, settings.index(), retries);
      if (held.isEmpty() && !create) {
        throw new NoSuchFileException(
            connection.describe() + "/" + settings.index(),
            null,
            "no such index; add images first");
      } else if (held.isEmpty()) {
        create(client, index, settings, model);
      } else if (!held.get().equals(model)) {
        throw new ModelMismatchException(held.get(), model);
      }
      return new OpenSearchImageIndex(
          client,
          "opensearch " + connection.describe() + "/" + settings.index(),
          model,
          settings,
          index.graphDegree());
    } catch (IOException | RuntimeException e) {
      try {
        client._transport().close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
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
    OpenSearchSettings scratch =
        new OpenSearchSettings(
            name, settings.shards(), settings.replicas(), settings.bulkBatch(), settings.retries());
    OpenSearchImageIndex opened =
        (OpenSearchImageIndex) open(connection, index, scratch, model, true);
    opened.deleteOnClose();
    return opened;
  }

  /** The identity recorded by an existing index; empty when there is no such index. */
  private static Optional<ModelIdentity> held(OpenSearchClient client, String name, Retries retries)
      throws IOException {
    if (!retries.call(() -> client.indices().exists(e -> e.index(name)).value())) {
      return Optional.empty();
    }
    var mapping = retries.call(() -> client.indices().getMapping(m -> m.index(name)));
    var meta = mapping.result().get(name).mappings().meta();
    Optional<ModelIdentity> identity = ClusterSchema.identity(name, meta);
    if (identity.isEmpty()) {
      throw new IllegalStateException(
          "OpenSearch index "
              + name
              + " exists but was not made by Lookalike; choose another name");
    }
    return identity;
  }

  private static void create(
      OpenSearchClient client,
      IndexSettings index,
      OpenSearchSettings settings,
      ModelIdentity model)
      throws IOException {
    String body = ClusterSchema.createIndexBody(model, index, settings);
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
