package dev.lookalike.collection;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Snapshots of a serving index into one configured directory, each in a sub-directory named by the
 * time it was taken, so names sort by age and never collide within a millisecond's writes.
 */
public final class Snapshots {

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'snapshot-'yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ImageIndex index;
  private final Optional<Path> dir;
  private final Clock clock;

  public Snapshots(ImageIndex index, Optional<Path> dir, Clock clock) {
    this.index = index;
    this.dir = dir;
    this.clock = clock;
  }

  /** Thrown when no snapshot directory is configured. */
  public static final class NotConfiguredException extends IllegalStateException {
    NotConfiguredException() {
      super("snapshots are off: set lookalike.snapshot.dir to the directory they go to");
    }
  }

  /**
   * Takes a snapshot now.
   *
   * @throws NotConfiguredException when no directory is configured
   * @throws dev.lookalike.index.NotSupportedByEngineException when the engine is backed up by its
   *     own means
   */
  public IndexSnapshot take() throws IOException {
    Path root = dir.orElseThrow(NotConfiguredException::new);
    return index.snapshot(root.resolve(NAME.format(clock.instant())));
  }
}
