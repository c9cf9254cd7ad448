package dev.lookalike.index.opensearch;

import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ModelMismatchException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;

/**
 * What a concrete cluster index records about itself (the model identity and model directory in its
 * mapping's {@code _meta}) and its creation with Lookalike's schema; {@link OpenSearchIndexes}
 * decides which index to open.
 */
final class ClusterIndexMeta {

  private ClusterIndexMeta() {}

  /** The identity recorded by an existing index; empty when there is no such index. */
  static Optional<ModelIdentity> held(OpenSearchClient client, String name, Retries retries)
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
  static Optional<Map<String, JsonData>> meta(OpenSearchClient client, String name, Retries retries)
      throws IOException {
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
  static void createOrCheck(
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
