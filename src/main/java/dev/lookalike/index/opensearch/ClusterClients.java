package dev.lookalike.index.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** Builds the official client for a {@link ClusterConnection}. */
final class ClusterClients {

  /** Connections kept per node: enough for the server's request threads and a bulk writer. */
  private static final int CONNECTIONS_PER_NODE = 32;

  private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

  /** Bulk requests of large batches may take a while on a loaded cluster. */
  private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);

  private ClusterClients() {}

  static OpenSearchClient connect(ClusterConnection connection) {
    HttpHost[] hosts =
        connection.hosts().stream().map(ClusterClients::host).toArray(HttpHost[]::new);
    SSLContext tls = sslContext(connection);
    var transport =
        ApacheHttpClient5TransportBuilder.builder(hosts)
            .setMapper(new JacksonJsonpMapper())
            .setRequestConfigCallback(
                request ->
                    request.setConnectTimeout(CONNECT_TIMEOUT).setResponseTimeout(RESPONSE_TIMEOUT))
            .setHttpClientConfigCallback(
                http -> {
                  if (connection.username().isPresent()) {
                    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                    for (HttpHost host : hosts) {
                      credentials.setCredentials(
                          new AuthScope(host),
                          new UsernamePasswordCredentials(
                              connection.username().get(),
                              connection.password().orElseThrow().toCharArray()));
                    }
                    http.setDefaultCredentialsProvider(credentials);
                  }
                  var tlsStrategy = ClientTlsStrategyBuilder.create().setSslContext(tls);
                  if (!connection.verifyHostname()) {
                    tlsStrategy.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                  }
                  return http.setConnectionManager(
                      PoolingAsyncClientConnectionManagerBuilder.create()
                          .setTlsStrategy(tlsStrategy.buildAsync())
                          .setMaxConnPerRoute(CONNECTIONS_PER_NODE)
                          .setMaxConnTotal(CONNECTIONS_PER_NODE * hosts.length)
                          .build());
                })
            .build();
    return new OpenSearchClient(transport);
  }

  private static HttpHost host(URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : 9200;
    return new HttpHost(uri.getScheme(), uri.getHost(), port);
  }

  /** Trusts the configured CA certificate(s), or the JVM's default trust store. */
  private static SSLContext sslContext(ClusterConnection connection) {
    try {
      if (connection.caCertificate().isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(connection.caCertificate().get())) {
        int n = 0;
        for (Certificate certificate :
            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          trusted.setCertificateEntry("ca-" + n++, certificate);
        }
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the OpenSearch CA certificate " + connection.caCertificate().get(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the OpenSearch CA certificate is not usable: " + e.getMessage(), e);
    }
  }
}
