package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.bench.HttpBench;
import dev.lookalike.bench.LatencyReport;
import dev.lookalike.bench.Warmup;
import dev.lookalike.client.ServerClient;
import dev.lookalike.index.SearchMode;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures a running server's search latency and throughput over HTTP. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Load a running server with image searches (closed loop) and print latency percentiles,"
            + " throughput and recall against exact mode per mode, all modes in one run; with"
            + " --uploaders, load it with uploads instead (the API key from LOOKALIKE_API_KEY).")
@Dependent
@Unremovable
public class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Mixin LoadImages images;

  @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The server.")
  URI url;

  @Option(
      names = "--modes",
      split = ",",
      defaultValue = "diffusion,hybrid,dense,hash,exact",
      converter = SearchModeConverter.class,
      description = "Modes to measure, one after the other.")
  List<SearchMode> modes;

  @Option(names = "-k", defaultValue = "10", description = "Hits per search.")
  int k;

  @Option(names = "--connections", defaultValue = "4", description = "Concurrent clients.")
  int connections;

  @Option(names = "--requests", defaultValue = "2000", description = "Timed searches per mode.")
  int requests;

  @Option(names = "--warmup", defaultValue = "300", description = "Untimed searches per mode.")
  int warmup;

  @Option(
      names = "--warmup-time",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "Keep warming up each mode at least this long, e.g. 60s (default: the count alone): the"
              + " server's JIT is still compiling after thousands of searches.")
  Duration warmupTime;

  @Option(
      names = "--recall-queries",
      defaultValue = "200",
      description = "Query images whose top k per mode is compared with exact mode (0 = skip).")
  int recallQueries;

  @Option(
      names = "--uploaders",
      split = ",",
      description =
          "Measure acknowledged uploads (POST /api/images, each its own URI) instead of searches:"
              + " one row per count of concurrent uploaders, e.g. 1,8,32; --requests and --warmup"
              + " count uploads.")
  List<Integer> uploaders = List.of();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (connections < 1
        || requests < 1
        || warmup < 0
        || recallQueries < 0
        || uploaders.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException(
          "--connections, --requests and --uploaders must be positive, --warmup and"
              + " --recall-queries not negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<byte[]> bodies = images.load(components);
    HttpBench bench = new HttpBench(ServerClient.withKeyFromEnvironment(url));
    if (!uploaders.isEmpty()) {
      return uploads(bench, bodies, out);
    }
    out.printf(
        "%s: %d query images, k=%d, %d connections, %d requests per mode after %s%n",
        url, bodies.size(), k, connections, requests, warmUpText());
    out.printf(
        "%-10s %9s %9s %9s %9s %10s %7s %12s %9s%n",
        "mode", "p50 ms", "p90 ms", "p99 ms", "max ms", "req/s", "errors", "recall@k", "warm-up");
    List<byte[]> recallImages = bodies.subList(0, Math.min(recallQueries, bodies.size()));
    for (SearchMode mode : modes) {
      LatencyReport r =
          bench.run(
              bodies,
              "k=" + k + "&mode=" + mode.id(),
              connections,
              new Warmup(warmup, warmupTime),
              requests);
      double recall =
          bench.recall(recallImages, "k=" + k + "&mode=" + mode.id(), "k=" + k + "&mode=exact");
      out.printf(
          "%-10s %9.2f %9.2f %9.2f %9.2f %10.0f %7d %12.4f %9d%n",
          mode.id(),
          r.p50Ms(),
          r.p90Ms(),
          r.p99Ms(),
          r.maxMs(),
          r.throughput(),
          r.errors(),
          recall,
          r.warmedUp());
      out.flush();
    }
    return 0;
  }

  private int uploads(HttpBench bench, List<byte[]> bodies, PrintWriter out)
      throws IOException, InterruptedException {
    out.printf(
        "%s: uploads of %d images (each its own URI), %d timed per row after %s%n",
        url, bodies.size(), requests, warmUpText());
    out.printf(
        "%-10s %9s %9s %9s %9s %10s %7s%n",
        "uploaders", "p50 ms", "p90 ms", "p99 ms", "max ms", "adds/s", "errors");
    for (int n : uploaders) {
      LatencyReport r = bench.uploads(bodies, n, new Warmup(warmup, warmupTime), requests);
      out.printf(
          "%-10d %9.2f %9.2f %9.2f %9.2f %10.0f %7d%n",
          n, r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.throughput(), r.errors());
      out.flush();
    }
    return 0;
  }

  private String warmUpText() {
    return warmupTime.isZero()
        ? warmup + " warm-up"
        : "at least " + warmup + " warm-up requests and " + warmupTime.toMillis() + " ms of them";
  }
}
