package dev.lookalike.cli;

import dev.lookalike.image.InvalidImageException;
import dev.lookalike.index.ModelMismatchException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine;

/** Builds the command line and turns failures into one readable line on stderr. */
final class Commands {

  private Commands() {}

  static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine line = new CommandLine(new LookalikeCommand(), factory);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + message(e));
          return 1;
        });
    return line;
  }

  static String message(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof LockObtainFailedException) {
      return "the index is in use by another process (is a server running on it?): "
          + cause.getMessage();
    }
    if (cause instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (cause instanceof FileNotFoundException
        || cause instanceof InvalidImageException
        || cause instanceof ModelMismatchException
        || cause instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
