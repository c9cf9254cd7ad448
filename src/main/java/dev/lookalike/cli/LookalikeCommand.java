package dev.lookalike.cli;

import picocli.CommandLine.Command;

/** The root command: its subcommands are Lookalike's CLI. */
@Command(
    name = "lookalike",
    mixinStandardHelpOptions = true,
    version = "Lookalike 0.1",
    description = "Content-based image retrieval with autoencoder codes in Lucene.",
    subcommands = {
      ServeCommand.class,
      TrainCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      EvaluateCommand.class,
      AugmentCommand.class,
      BenchCommand.class,
      SoakCommand.class,
      KillTestCommand.class,
      MigrateCommand.class,
      SnapshotCommand.class,
      RestoreCommand.class,
      ReindexCommand.class,
      RecodeCommand.class
    })
public class LookalikeCommand {}
