package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.client.ServerClient;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSnapshot;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Copies the embedded index as of one commit, from a stopped index or a running server. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Back up the embedded index: commit, then copy it to a new directory while it keeps serving.",
      "Either --to DIR for an index no server holds, or --server URL to ask a running server"
          + " (POST /api/admin/snapshots, API key from LOOKALIKE_API_KEY; the server writes into"
          + " its lookalike.snapshot.dir). Restore with 'restore'."
    })
@Dependent
@Unremovable
public class SnapshotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Option(names = "--to", description = "New directory to copy the index to.")
  Path to;

  @Option(names = "--server", description = "Base URL of a running server to snapshot.")
  URI server;

  @Option(names = "--index", description = "Index directory (default: lookalike.index.dir).")
  Path index;

  @Option(
      names = "--model",
      description = "Model directory that built the index (default: the shipped model).")
  Path model;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if ((to == null) == (server == null)) {
      throw new ParameterException(spec.commandLine(), "give exactly one of --to and --server");
    }
    if (server != null) {
      return askServer();
    }
    try (CodeModel codeModel = components.openModel(model, index);
        ImageIndex opened =
            components.openEmbedded(components.indexDir(index), codeModel.identity(), false)) {
      IndexSnapshot snapshot = opened.snapshot(to);
      spec.commandLine()
          .getOut()
          .printf(
              "snapshot of %d images in %s (%d files, %d bytes)%n",
              snapshot.images(), snapshot.directory(), snapshot.files(), snapshot.bytes());
    }
    return 0;
  }

  private int askServer() throws IOException, InterruptedException {
    spec.commandLine().getOut().println(ServerClient.withKeyFromEnvironment(server).snapshot());
    return 0;
  }
}
