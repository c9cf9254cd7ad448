package dev.lookalike.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The packaged application as a real process, for the drivers and tests that kill one, and the
 * check of what such a kill left on disk.
 */
public final class PackagedApp {

  private PackagedApp() {}

  /** The command line that runs the packaged CLI with {@code args}, offline, on this JVM. */
  public static List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx2g",
                "-Dai.djl.offline=true",
                "-jar",
                runJar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The packaged application's launcher: beside the application jar this class was loaded from
   * ({@code quarkus-app/app/…jar}), or the build's {@code target/quarkus-app} when run from
   * classes.
   */
  static Path runJar() {
    try {
      Path code =
          Path.of(PackagedApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = code.getParent();
      if (code.toString().endsWith(".jar") && folder != null) {
        Path launcher = folder.resolveSibling("quarkus-run.jar");
        if (Files.isRegularFile(launcher)) {
          return launcher;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no readable code source: the build's layout below
    }
    return Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
  }

  /**
   * Runs {@code CheckIndex} on an embedded index directory (an IOException with its report unless
   * clean) and returns how many images its last commit holds.
   */
  public static long checkedCount(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      try (CheckIndex check = new CheckIndex(directory)) {
        check.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
        if (!check.checkIndex().clean) {
          throw new IOException(
              "CheckIndex found " + index + " damaged: " + report.toString(StandardCharsets.UTF_8));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return reader.numDocs();
      }
    }
  }
}
