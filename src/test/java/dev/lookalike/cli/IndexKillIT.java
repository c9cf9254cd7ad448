package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.api.SampleImages;
import dev.lookalike.app.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code index} process (the packaged application) in the middle of a
 * run: the index opens cleanly and passes {@code CheckIndex}, keeps what was committed, and the
 * same command resumes and ends with exactly every image.
 */
class IndexKillIT {

  private static final int IMAGES = 4000;

  @TempDir Path dir;

  private static List<String> command(Path images, Path index) {
    return PackagedApp.command(
        "index",
        images.toString(),
        "--index",
        index.toString(),
        "--commit-every",
        "500ms",
        "--batch",
        "64");
  }

  @Test
  void aKilledRunLosesAtMostOneCommitIntervalAndResumesToTheExactCount() throws Exception {
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < IMAGES; i++) {
      Files.write(images.resolve(String.format("%05d.png", i)), SampleImages.png(i));
    }
    Path index = dir.resolve("index");
    Process run =
        new ProcessBuilder(command(images, index))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("first.log").toFile())
            .start();
    long committed = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (committed < 500 && System.nanoTime() < deadline && run.isAlive()) {
      Thread.sleep(100);
      committed = committedCount(index);
    }
    assertTrue(run.isAlive(), "the run ended before it could be killed: " + log("first.log"));
    run.destroyForcibly(); // SIGKILL
    assertTrue(run.waitFor(30, TimeUnit.SECONDS));
    assertTrue(committed >= 500, "no commit within two minutes: " + log("first.log"));

    long survived = checkedCount(index);
    assertTrue(survived >= committed, survived + " images after the kill, " + committed + " seen");
    assertTrue(survived < IMAGES, "killed after the end: " + survived);

    Process resume =
        new ProcessBuilder(command(images, index))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("second.log").toFile())
            .start();
    assertTrue(resume.waitFor(300, TimeUnit.SECONDS), "the resumed run did not finish");
    String second = log("second.log");
    assertEquals(0, resume.exitValue(), second);
    assertTrue(second.contains("already indexed " + survived), second);
    assertTrue(second.contains("added " + (IMAGES - survived)), second);
    assertEquals(IMAGES, checkedCount(index));
  }

  private String log(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  /** Images in the last commit, or 0 before the first; read without a lock beside the writer. */
  private static long committedCount(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return 0;
    }
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        return 0;
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return reader.numDocs();
      }
    } catch (IOException e) {
      return 0; // a commit being written: look again
    }
  }

  private static long checkedCount(Path index) throws IOException {
    return PackagedApp.checkedCount(index);
  }
}
