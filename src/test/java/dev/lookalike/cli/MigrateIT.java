package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.api.SampleImages;
import dev.lookalike.index.opensearch.TestCluster;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate} between an embedded index and the real cluster, both ways, with the shipped
 * model: identical counts and identical exact-mode answers after the round trip, and a copy that
 * resumes from its checkpoint.
 */
@QuarkusMainTest
@TestProfile(MigrateIT.OnCluster.class)
class MigrateIT {

  /** The cluster index of this test JVM (the same whichever class loader reads it). */
  static final String INDEX = "migrate-" + ProcessHandle.current().pid();

  public static class OnCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      TestCluster cluster = TestCluster.running();
      Map<String, String> config = new HashMap<>(new CliTestProfile().getConfigOverrides());
      config.put("lookalike.opensearch.hosts", cluster.node(1) + "," + cluster.node(2));
      config.put("lookalike.opensearch.index", INDEX);
      config.put("lookalike.opensearch.shards", "2");
      return config;
    }
  }

  @TempDir Path dir;

  @Test
  void copiesToTheClusterAndBackWithIdenticalExactAnswers(QuarkusMainLauncher launcher)
      throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < 80; i++) {
      Files.write(images.resolve(String.format("img-%03d.png", i)), SampleImages.png(i));
    }
    Path original = dir.resolve("original");
    LaunchResult indexed =
        launcher.launch("index", images.toString(), "--index", original.toString());
    assertEquals(0, indexed.exitCode(), indexed.getErrorOutput());

    LaunchResult out =
        launcher.launch("migrate", "--from", original.toString(), "--to", "opensearch");
    assertEquals(0, out.exitCode(), out.getErrorOutput());
    assertTrue(out.getOutput().contains("copied 80 images"), out.getOutput());
    assertTrue(out.getOutput().contains("identical"), out.getOutput());

    // Back; then again from a checkpoint that says half was copied: only the rest is copied, and
    // images copied twice are replaced, never duplicated.
    Path back = dir.resolve("back");
    LaunchResult whole =
        launcher.launch(
            "migrate",
            "--from",
            "opensearch",
            "--to",
            back.toString(),
            "--page",
            "7",
            "--verify",
            "5");
    assertEquals(0, whole.exitCode(), whole.getErrorOutput());
    assertTrue(whole.getOutput().contains("copied 80 images"), whole.getOutput());
    Path checkpoint = dir.resolve("back.checkpoint");
    Files.writeString(checkpoint, fortiethId());
    LaunchResult rest =
        launcher.launch(
            "migrate",
            "--from",
            "opensearch",
            "--to",
            back.toString(),
            "--checkpoint",
            checkpoint.toString());
    assertEquals(0, rest.exitCode(), rest.getErrorOutput());
    assertTrue(rest.getOutput().contains("copied 40 images"), rest.getOutput());
    assertTrue(rest.getOutput().contains("source 80, target 80"), rest.getOutput());
    assertTrue(Files.notExists(checkpoint), "a finished copy removes its checkpoint");

    for (int q : new int[] {3, 41, 77, 200}) {
      Path query = dir.resolve("q" + q + ".png");
      Files.write(query, SampleImages.png(q));
      String before = exact(launcher, original, query);
      assertEquals(before, exact(launcher, back, query), "round trip, query " + q);
    }
  }

  /** The 40th id in id order, read from the cluster directly. */
  private static String fortiethId() throws IOException {
    JsonNode hits =
        new ObjectMapper()
            .readTree(
                TestCluster.running()
                    .get(1, "/" + INDEX + "/_search?size=40&sort=id:asc&_source=id"))
            .get("hits")
            .get("hits");
    assertEquals(40, hits.size());
    return hits.get(39).get("_id").asText();
  }

  private static String exact(QuarkusMainLauncher launcher, Path index, Path query) {
    LaunchResult result =
        launcher.launch(
            "search", query.toString(), "--index", index.toString(), "--mode", "exact", "-k", "10");
    assertEquals(0, result.exitCode(), result.getErrorOutput());
    // the first line carries the time taken; the hits follow
    return result.getOutput().substring(result.getOutput().indexOf('\n') + 1);
  }
}
