package dev.lookalike.index.opensearch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection settings are refused early and clearly, before any request is sent. */
class ClusterConnectionTest {

  @TempDir Path dir;

  @Test
  void badHostsAndHalfCredentialsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClusterConnection.plain(List.of()));
    IllegalArgumentException scheme =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClusterConnection.plain(List.of(URI.create("ftp://node:9200"))));
    assertTrue(scheme.getMessage().contains("ftp://node:9200"), scheme.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ClusterConnection(
                List.of(URI.create("https://node:9200")),
                Optional.of("admin"),
                Optional.empty(),
                Optional.empty(),
                true));
  }

  @Test
  void aCaFileThatIsNoCertificateIsRefusedNamingTheProblem() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    ClusterConnection connection =
        new ClusterConnection(
            List.of(URI.create("https://node:9200")),
            Optional.of("admin"),
            Optional.of("secret"),
            Optional.of(notPem),
            true);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClusterClients.connect(connection));
    assertTrue(e.getMessage().contains("CA certificate"), e.getMessage());
    ClusterConnection missing =
        new ClusterConnection(
            List.of(URI.create("https://node:9200")),
            Optional.empty(),
            Optional.empty(),
            Optional.of(dir.resolve("absent.pem")),
            false);
    Exception absent = assertThrows(Exception.class, () -> ClusterClients.connect(missing));
    assertTrue(absent.getMessage().contains("absent.pem"), absent.getMessage());
  }
}
