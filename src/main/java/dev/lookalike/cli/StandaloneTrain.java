package dev.lookalike.cli;

import dev.lookalike.config.DatasetConfig;
import dev.lookalike.encoder.NativeEngine;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code train} without the Quarkus runtime: the same command, options and training code, on a
 * plain class path of a few jars (DJL, picocli, Jackson and Lookalike's own classes). It exists for
 * machines that get a minimal bundle instead of the whole application, such as a GPU machine with
 * no network (see {@code src/main/scripts/device}). With no configuration to read, {@code
 * --data-dir} defaults to Debian's directory.
 */
public final class StandaloneTrain {

  private StandaloneTrain() {}

  public static void main(String... args) {
    NativeEngine.configure();
    System.exit(run(args));
  }

  /** Runs {@code train} with {@code args}; its exit code. */
  static int run(String... args) {
    TrainCommand train = new TrainCommand();
    train.dataset = () -> Path.of(DatasetConfig.DEBIAN_FASHION_MNIST_DIR);
    return new CommandLine(train).execute(args);
  }
}
