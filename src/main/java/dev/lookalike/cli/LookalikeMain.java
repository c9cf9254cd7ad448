package dev.lookalike.cli;

import dev.lookalike.encoder.NativeEngine;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The single entry point: with no command, or {@code serve}, it runs the HTTP server; otherwise it
 * runs one CLI command and exits with its status.
 */
@QuarkusMain
public class LookalikeMain implements QuarkusApplication {

  @Inject CommandLine.IFactory factory;

  public static void main(String... args) {
    NativeEngine.configure();
    LaunchSettings.apply(args);
    Quarkus.run(LookalikeMain.class, args);
  }

  @Override
  public int run(String... args) {
    return Commands.commandLine(factory).execute(command(args));
  }

  /** The command line to run: {@code serve} when none is given. */
  static String[] command(String... args) {
    return args.length == 0 ? new String[] {"serve"} : args;
  }
}
