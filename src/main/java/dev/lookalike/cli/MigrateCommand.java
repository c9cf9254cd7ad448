package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.collection.IndexMigration;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ModelIdentity;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Copies an index between the embedded engine and OpenSearch, without re-encoding. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy an index to the other engine without re-encoding: codes, thumbnails and metadata.",
      "FROM and TO are an embedded index directory or the word 'opensearch' (the cluster of"
          + " lookalike.opensearch.*). Resumable: a checkpoint records the last copied page."
    })
@Dependent
@Unremovable
public class MigrateCommand implements Callable<Integer> {

  /** The word that names the configured cluster instead of a directory. */
  static final String CLUSTER = "opensearch";

  @Spec CommandSpec spec;

  @Inject Components components;

  @Option(names = "--from", required = true, paramLabel = "FROM", description = "Source index.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "TO", description = "Target index.")
  String to;

  @Option(
      names = "--model",
      description = "Model directory that built the index (default: the shipped model).")
  Path model;

  @Option(
      names = "--checkpoint",
      description = "Progress file (default: next to the embedded index, <dir>.migrate).")
  Path checkpoint;

  @Option(names = "--page", defaultValue = "500", description = "Images per page (default 500).")
  int page;

  @Option(
      names = "--verify",
      defaultValue = "20",
      description = "Images whose exact top 10 are compared after the copy (default 20).")
  int verify;

  @Override
  public Integer call() throws IOException {
    if (CLUSTER.equals(from) == CLUSTER.equals(to)) {
      throw new ParameterException(
          spec.commandLine(), "one of --from and --to must be 'opensearch', the other a directory");
    }
    Path embedded = Path.of(CLUSTER.equals(from) ? to : from);
    Path progress = checkpoint != null ? checkpoint : Path.of(embedded + ".migrate");
    PrintWriter out = spec.commandLine().getOut();
    try (CodeModel codeModel = components.openModel(model);
        ImageIndex source = open(from, codeModel.identity(), true);
        ImageIndex target = open(to, codeModel.identity(), false)) {
      IndexMigration migration = new IndexMigration(source, target, page);
      IndexMigration.Report report =
          migration.copy(progress, new ProgressBar(spec.commandLine().getErr(), "images"));
      out.printf(
          "copied %d images in %.1f s (%.0f/s); source %d, target %d%n",
          report.copied(),
          report.seconds(),
          report.seconds() == 0 ? 0 : report.copied() / report.seconds(),
          report.sourceCount(),
          report.targetCount());
      IndexMigration.Verification check = migration.verify(verify, 10);
      out.printf(
          "verified: counts %d / %d, exact top 10 of %d images: %s%n",
          check.sourceCount(),
          check.targetCount(),
          check.sampled(),
          check.differing().isEmpty() ? "identical" : "differ for " + check.differing());
      if (!check.passed()) {
        spec.commandLine().getErr().println("error: the copy does not match its source");
        return 1;
      }
    }
    return 0;
  }

  private ImageIndex open(String where, ModelIdentity identity, boolean readOnly) {
    return CLUSTER.equals(where)
        ? components.cluster().open(identity, !readOnly)
        : components.openEmbedded(Path.of(where), identity, readOnly);
  }
}
