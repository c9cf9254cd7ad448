package dev.lookalike.config;

import dev.lookalike.index.opensearch.ClusterConnection;
import dev.lookalike.index.opensearch.OpenSearchSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The OpenSearch cluster, under {@code lookalike.opensearch.*}, used when {@code
 * lookalike.engine=opensearch}. The defaults and ranges are {@link OpenSearchSettings}'.
 */
@ConfigMapping(prefix = "lookalike.opensearch")
public interface OpenSearchConfig {

  /** The nodes' HTTP addresses, comma-separated. */
  @WithDefault("http://localhost:9200")
  List<URI> hosts();

  /** Basic-authentication user (clusters with the security plugin). */
  Optional<String> username();

  /** Its password; set it through the environment (LOOKALIKE_OPENSEARCH_PASSWORD). */
  Optional<String> password();

  /** TLS to https hosts, under {@code lookalike.opensearch.tls.*}. */
  Tls tls();

  interface Tls {
    /** PEM file of the CA that signed the nodes' certificates; unset = the JVM's trust store. */
    Optional<Path> caFile();

    /** Whether a node's certificate must name its host. */
    @WithDefault("true")
    boolean verifyHostname();
  }

  /** The index name. */
  @WithDefault(OpenSearchSettings.DEFAULT_INDEX)
  @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,200}")
  String index();

  /** Primary shards of a new index. */
  @WithDefault("" + OpenSearchSettings.DEFAULT_SHARDS)
  @Min(1)
  @Max(OpenSearchSettings.MAX_SHARDS)
  int shards();

  /** Replicas of each shard of a new index. */
  @WithDefault("" + OpenSearchSettings.DEFAULT_REPLICAS)
  @Min(0)
  int replicas();

  /** Documents per bulk request. */
  @WithDefault("" + OpenSearchSettings.DEFAULT_BULK_BATCH)
  @Min(1)
  @Max(OpenSearchSettings.MAX_BULK_BATCH)
  int bulkBatch();

  /** Retries of a request the cluster refused with 429/5xx or could not answer. */
  @WithDefault("" + OpenSearchSettings.DEFAULT_RETRIES)
  @Min(0)
  @Max(30)
  int retries();

  default ClusterConnection connection() {
    return new ClusterConnection(
        hosts(), username(), password(), tls().caFile(), tls().verifyHostname());
  }

  default OpenSearchSettings settings() {
    return new OpenSearchSettings(index(), shards(), replicas(), bulkBatch(), retries());
  }
}
