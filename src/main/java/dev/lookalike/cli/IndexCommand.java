package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.client.RemoteIndexer;
import dev.lookalike.client.ServerClient;
import dev.lookalike.collection.BulkIndexer;
import dev.lookalike.collection.CommitPolicy;
import dev.lookalike.collection.FailureLog;
import dev.lookalike.collection.IndexInputs;
import dev.lookalike.collection.Indexer;
import dev.lookalike.collection.IndexingReport;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexStats;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Indexes folders of images (recursively) or Fashion-MNIST splits. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input was indexed (or already was)",
      "2:some inputs failed; each is listed (all of them with --failures FILE.jsonl)",
      "1:a fatal error: the model, the index, a folder or the server could not be used"
    },
    description =
        "Add images to the index: folders (recursive), files, fashion-mnist:train|test, or"
            + " synthetic:fashion-mnist:N (N distinct images derived from the training split, made"
            + " on the fly: a benchmark collection of any size).")
@Dependent
@Unremovable
public class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "Folders, image files, fashion-mnist:train|test or synthetic:fashion-mnist:N.")
  List<String> sources;

  @Mixin StoreOptions store;

  @Option(
      names = "--server",
      description =
          "Send the image files to this running server (POST /api/images/batch, API key from"
              + " LOOKALIKE_API_KEY) instead of writing an index here; --batch images per request,"
              + " --threads requests at once.")
  URI server;

  @Option(names = "--threads", defaultValue = "2", description = "Decoding threads.")
  int threads;

  @Option(names = "--batch", defaultValue = "256", description = "Images encoded per batch.")
  int batch;

  @Option(names = "--replace", description = "Re-encode images that are already indexed.")
  boolean replace;

  @Option(
      names = "--commit-every",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Commit at least this often (e.g. 10s, 2m; default 10s).")
  Duration commitEvery;

  @Option(
      names = "--commit-images",
      defaultValue = "" + CommitPolicy.DEFAULT_IMAGES,
      description = "Commit at least every this many added images (default 50000).")
  long commitImages;

  @Option(
      names = "--failures",
      paramLabel = "FILE.jsonl",
      description = "Write every input that could not be indexed to FILE, one JSON object a line.")
  Path failuresFile;

  /**
   * Exit status: 0 when every input was indexed (or already was), 2 when some failed, 1 on a fatal
   * error (the model, the index or the folder could not be opened).
   */
  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    try (FailureLog failures =
        failuresFile == null ? FailureLog.inMemory() : FailureLog.toFile(failuresFile)) {
      if (server != null) {
        ServerClient client = ServerClient.withKeyFromEnvironment(server);
        long failed =
            run(
                new RemoteIndexer(client, batch, threads, new ProgressBar(err, "images")),
                failures);
        spec.commandLine().getOut().printf("%s now holds %d images%n", server, client.count());
        return failed == 0 ? 0 : 2;
      }
      BulkIndexer.Settings settings =
          new BulkIndexer.Settings(
              threads, batch, replace, new CommitPolicy(commitEvery, commitImages));
      try (CodeModel codeModel = components.openModel(store.model, store.index);
          ImageIndex target = components.openIndexForBulk(store.index, codeModel)) {
        ImagePipeline pipeline = components.pipeline(codeModel);
        long failed =
            run(
                new BulkIndexer(
                    pipeline, codeModel, target, settings, new ProgressBar(err, "images")),
                failures);
        IndexStats stats = target.stats();
        spec.commandLine()
            .getOut()
            .printf("index %s now holds %d images%n", stats.directory(), stats.count());
        return failed == 0 ? 0 : 2;
      }
    }
  }

  /** Indexes every source in turn, printing a line per source and the failures; the failures. */
  private long run(Indexer indexer, FailureLog failures) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long failed = 0;
    for (String text : sources) {
      IndexingReport report;
      try (IndexInputs inputs =
          IndexInputs.of(new DataSource(text), components.fashionMnistDir())) {
        report = indexer.index(inputs, failures);
      }
      out.printf(
          "%s: added %d, already indexed %d, failed %d in %.1f s (%.0f images/s)%n",
          text,
          report.added(),
          report.skipped(),
          report.failed() - failed,
          report.seconds(),
          report.imagesPerSecond());
      failed = report.failed();
    }
    for (IndexingReport.Failure failure : failures.kept()) {
      out.println("  failed " + failure.source() + ": " + failure.reason());
    }
    if (failed > failures.kept().size()) {
      out.printf(
          "  … and %d more%s%n",
          failed - failures.kept().size(),
          failuresFile == null ? "" : " (all in " + failuresFile + ")");
    }
    return failed;
  }
}
