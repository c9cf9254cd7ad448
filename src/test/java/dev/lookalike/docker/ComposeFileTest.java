package dev.lookalike.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml, checked without a Docker engine (none runs here): it parses, the cluster is
 * the OpenSearch version the tests run against, both nodes discover each other, and every Lookalike
 * setting it gives is a real, documented property pointing at the cluster's services.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("docker/compose.yaml");

  private final JsonNode compose = read();

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(COMPOSE.toFile());
    } catch (IOException e) {
      throw new AssertionError("docker/compose.yaml does not parse: " + e.getMessage(), e);
    }
  }

  @Test
  void twoOpenSearchNodesOfTheTestedVersionFormOneCluster() {
    String version = System.getProperty("test.opensearch.version", "3.5.0");
    JsonNode services = compose.get("services");
    for (String node : List.of("opensearch-1", "opensearch-2")) {
      JsonNode service = services.get(node);
      assertEquals("opensearchproject/opensearch:" + version, service.get("image").asText(), node);
      JsonNode env = service.get("environment");
      assertEquals(node, env.get("node.name").asText());
      assertEquals("lookalike", env.get("cluster.name").asText());
      assertEquals("opensearch-1,opensearch-2", env.get("discovery.seed_hosts").asText());
      assertEquals(
          "opensearch-1,opensearch-2", env.get("cluster.initial_cluster_manager_nodes").asText());
      assertTrue(service.get("healthcheck").get("test").toString().contains("_cluster/health"));
      assertTrue(
          service.get("volumes").get(0).asText().endsWith(":/usr/share/opensearch/data"), node);
    }
  }

  @Test
  void lookalikeRunsOnTheClusterWithRealProperties() throws IOException {
    JsonNode lookalike = compose.get("services").get("lookalike");
    assertEquals("docker/Dockerfile", lookalike.get("build").get("dockerfile").asText());
    assertTrue(Files.exists(Path.of("docker/Dockerfile")));
    for (String node : List.of("opensearch-1", "opensearch-2")) {
      assertEquals(
          "service_healthy", lookalike.get("depends_on").get(node).get("condition").asText());
    }
    JsonNode env = lookalike.get("environment");
    assertEquals("opensearch", env.get("LOOKALIKE_ENGINE").asText());
    assertEquals(
        "http://opensearch-1:9200,http://opensearch-2:9200",
        env.get("LOOKALIKE_OPENSEARCH_HOSTS").asText());
    String documented = Files.readString(Path.of("src/main/resources/application.properties"));
    List<String> unknown = new ArrayList<>();
    env.fieldNames()
        .forEachRemaining(
            name -> {
              String property = name.toLowerCase(Locale.ROOT).replace('_', '.');
              // env names lose the dash: lookalike.opensearch.bulk.batch is bulk-batch
              String pattern = "# " + property.replace(".", "[.-]") + "=";
              if (!java.util.regex.Pattern.compile(pattern).matcher(documented).find()) {
                unknown.add(name);
              }
            });
    assertEquals(List.of(), unknown, "settings that are no documented lookalike property");
  }
}
