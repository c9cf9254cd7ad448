package dev.lookalike.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.app.Components;
import dev.lookalike.app.OfflineReindex;
import dev.lookalike.client.ServerClient;
import dev.lookalike.collection.FailureLog;
import dev.lookalike.collection.IndexingReport;
import dev.lookalike.collection.Reindex;
import dev.lookalike.index.IndexEngine;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Moves a collection to another model: re-encodes every image into a new index, then switches. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Move the collection to a new model: every indexed image is read again from its source (its"
          + " file, its data set record; the stored thumbnail when the source is gone or changed),"
          + " encoded by the new model into a new index beside the live one (INDEX.<fingerprint>),"
          + " and the switch recorded in INDEX.live, which the server and the CLI then open.",
      "On OpenSearch the new index is NAME-<fingerprint> beside the live one, and the switch"
          + " moves the alias NAME to it in one call; the new index records the model directory,"
          + " which servers and the CLI on that alias then load. The old index is kept.",
      "Without --server the index must not be held by a server. With --server URL a running"
          + " server does it while it keeps answering searches (POST /api/admin/reindex, API key"
          + " from LOOKALIKE_API_KEY) and switches without a restart.",
      "Delete INDEX.live (on OpenSearch: point the alias back) to go back."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:reindexed and switched; every image made it",
      "1:nothing switched (bad model, index in use, server refused)",
      "2:switched, but some images could not be read at all (listed)"
    })
@Dependent
@Unremovable
public class ReindexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Option(names = "--model", required = true, description = "Directory of the new model.")
  Path model;

  @Option(
      names = "--index",
      description = "Index directory (default: lookalike.index.dir); not with --server.")
  Path index;

  @Option(names = "--server", description = "Base URL of a running server to reindex.")
  URI server;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Reading and decoding threads (default 2).")
  int threads;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (server != null) {
      if (index != null) {
        throw new ParameterException(
            spec.commandLine(), "--index is for an index no server holds; not with --server");
      }
      return askServer();
    }
    if (index != null && components.engine() == IndexEngine.OPENSEARCH) {
      throw new ParameterException(
          spec.commandLine(),
          "--index names an embedded index directory; the engine is opensearch, whose index is"
              + " lookalike.opensearch.index");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (FailureLog failures = FailureLog.inMemory()) {
      OfflineReindex.Result result =
          new OfflineReindex(components)
              .run(
                  model,
                  index,
                  threads,
                  failures,
                  new ProgressBar(spec.commandLine().getErr(), "images"));
      Reindex.Report report = result.report();
      out.printf(
          "reindexed %d images into %s (%d from their source, %d from their thumbnail, %d already"
              + " there, %d removed) in %.1f s; it is live now%n",
          report.indexing().added(),
          result.index(),
          report.fromSource(),
          report.fromThumbnail(),
          report.indexing().skipped(),
          report.removed(),
          report.indexing().seconds());
      for (IndexingReport.Failure failure : failures.kept()) {
        out.println("  not reindexed " + failure.source() + ": " + failure.reason());
      }
      return failures.count() == 0 ? 0 : 2;
    }
  }

  private int askServer() throws IOException, InterruptedException {
    ServerClient client = ServerClient.withKeyFromEnvironment(server);
    PrintWriter out = spec.commandLine().getOut();
    JsonNode status = client.startReindex(model.toAbsolutePath().toString());
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "images");
    while (status.get("state").asText().matches("BUILDING|SWITCHING")) {
      progress.progress(status.get("done").asLong(), Math.max(1, status.get("total").asLong()));
      Thread.sleep(Duration.ofMillis(500));
      status = client.reindexStatus();
    }
    out.println(status);
    if (!"DONE".equals(status.get("state").asText())) {
      return 1;
    }
    return status.get("failed").asLong() == 0 ? 0 : 2;
  }
}
