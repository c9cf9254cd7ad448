package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Backups of the embedded index, under {@code lookalike.snapshot.*}. */
@ConfigMapping(prefix = "lookalike.snapshot")
public interface SnapshotConfig {

  /**
   * Where {@code POST /api/admin/snapshots} writes snapshots, one sub-directory each. Unset (the
   * default) turns the endpoint off: a server never writes outside its index unless told where.
   */
  Optional<Path> dir();
}
