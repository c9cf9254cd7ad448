package dev.lookalike.cli;

import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.lucene.LuceneIndexes;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Restores a snapshot into a new index directory. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a snapshot (from 'snapshot') into an empty or new index directory; checksums are"
          + " verified and the directory appears only once complete.",
      "Serve it with --index DIR (or lookalike.index.dir) and the model that wrote it."
    })
@Dependent
@Unremovable
public class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "Snapshot directory.")
  Path from;

  @Option(names = "--index", required = true, description = "Empty or new index directory.")
  Path index;

  @Override
  public Integer call() throws IOException {
    IndexSnapshot restored = LuceneIndexes.restore(from, index);
    spec.commandLine()
        .getOut()
        .printf(
            "restored %d images into %s (%d files, %d bytes)%n",
            restored.images(), restored.directory(), restored.files(), restored.bytes());
    return 0;
  }
}
