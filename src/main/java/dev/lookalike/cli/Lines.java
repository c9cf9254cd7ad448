package dev.lookalike.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress lines of a long-running command, each shown as soon as it is written. */
final class Lines {

  private Lines() {}

  static Consumer<String> flushedTo(PrintWriter out) {
    return line -> {
      out.println(line);
      out.flush();
    };
  }
}
