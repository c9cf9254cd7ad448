package dev.lookalike.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose which index and model a command works on. */
class StoreOptions {

  @Option(
      names = "--index",
      description = "Index directory (default: lookalike.index.dir, ./index).")
  Path index;

  @Option(
      names = "--model",
      description = "Model directory written by train (default: the shipped model).")
  Path model;
}
