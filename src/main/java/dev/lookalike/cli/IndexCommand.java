package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.collection.BulkIndexer;
import dev.lookalike.collection.ImageFiles;
import dev.lookalike.collection.IndexingReport;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexStats;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
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
    description =
        "Add images to the index: folders (recursive), files, or fashion-mnist:train|test.")
@Dependent
@Unremovable
public class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Parameters(
      arity = "1..*",
      paramLabel = "SOURCE",
      description = "Folders, image files, or fashion-mnist:train|test.")
  List<String> sources;

  @Mixin StoreOptions store;

  @Option(names = "--threads", defaultValue = "2", description = "Decoding threads.")
  int threads;

  @Option(names = "--batch", defaultValue = "256", description = "Images encoded per batch.")
  int batch;

  @Option(names = "--replace", description = "Re-encode images that are already indexed.")
  boolean replace;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (CodeModel codeModel = components.openModel(store.model);
        ImageIndex target = components.openIndex(store.index, codeModel)) {
      ImagePipeline pipeline = components.pipeline(codeModel);
      BulkIndexer indexer =
          new BulkIndexer(
              pipeline, codeModel, target, threads, batch, replace, new ProgressBar(err, "images"));
      for (String text : sources) {
        DataSource source = new DataSource(text);
        var split = source.fashionMnistSplit();
        IndexingReport report =
            split.isPresent()
                ? indexer.indexImages(FashionMnist.load(components.fashionMnistDir(), split.get()))
                : indexer.indexFiles(ImageFiles.find(List.of(source.path())));
        out.printf(
            "%s: added %d, already indexed %d, failed %d in %.1f s (%.0f images/s)%n",
            text,
            report.added(),
            report.skipped(),
            report.failures().size(),
            report.seconds(),
            report.imagesPerSecond());
        for (IndexingReport.Failure failure : report.failures()) {
          out.println("  failed " + failure.reason());
        }
        failed += report.failures().size();
      }
      IndexStats stats = target.stats();
      out.printf("index %s now holds %d images%n", stats.directory(), stats.count());
    }
    return failed == 0 ? 0 : 2;
  }
}
