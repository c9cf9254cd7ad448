package dev.lookalike.index.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to reach an OpenSearch cluster.
 *
 * @param hosts the nodes' HTTP addresses ({@code http://host:9200} or {@code https://…}); the
 *     client spreads requests over them and retries another when one fails
 * @param username basic-authentication user, when the cluster has security enabled
 * @param password its password
 * @param caCertificate a PEM file of the certificate authority that signed the nodes' certificates
 *     (https hosts); when empty the JVM's trust store decides
 * @param verifyHostname whether the nodes' certificates must name the host (off only for test
 *     clusters with self-signed certificates)
 */
public record ClusterConnection(
    List<URI> hosts,
    Optional<String> username,
    Optional<String> password,
    Optional<Path> caCertificate,
    boolean verifyHostname) {

  public ClusterConnection {
    if (hosts == null || hosts.isEmpty()) {
      throw new IllegalArgumentException("at least one OpenSearch host is required");
    }
    for (URI host : hosts) {
      String scheme = host.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || host.getHost() == null) {
        throw new IllegalArgumentException(
            "OpenSearch host must look like http(s)://host:port, got: " + host);
      }
    }
    hosts = List.copyOf(hosts);
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("OpenSearch username and password go together");
    }
  }

  /** Plain HTTP to the given hosts, no authentication: a local or test cluster. */
  public static ClusterConnection plain(List<URI> hosts) {
    return new ClusterConnection(hosts, Optional.empty(), Optional.empty(), Optional.empty(), true);
  }

  /** The hosts as one string, for messages and stats. */
  public String describe() {
    return String.join(",", hosts.stream().map(URI::toString).toList());
  }
}
