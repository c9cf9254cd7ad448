package dev.lookalike.index.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.jboss.logging.Logger;

/**
 * The changes made since the last Lucene commit, appended to one file beside the segments. An
 * acknowledged change then costs one {@code fsync} of this file instead of a commit — which writes
 * the whole neighbour graph and so grows with the collection. A checkpoint (a Lucene commit) makes
 * the entries redundant and empties the file; opening the index applies whatever it still holds.
 *
 * <p>Each entry is framed by its length and a CRC32. A crash can leave a torn last entry: it was
 * never synced, so never acknowledged, and it is dropped (the file is cut back to the last whole
 * entry). Appends happen under the index's write lock, in the order the changes are applied; {@link
 * #sync} may run beside them and covers every append that returned before it started.
 */
final class WriteAheadLog implements Closeable {

  /** The file's name in the index directory; never matched by Lucene's file deleter. */
  static final String NAME = "changes.wal";

  private static final int HEADER = Integer.BYTES + Long.BYTES;
  private static final Logger LOG = Logger.getLogger(WriteAheadLog.class);

  private final Path path;
  private final FileChannel channel;
  private final List<LoggedChange> pending;
  private volatile long size;

  private WriteAheadLog(Path path, FileChannel channel, List<LoggedChange> pending, long size) {
    this.path = path;
    this.channel = channel;
    this.pending = pending;
    this.size = size;
  }

  /**
   * The log of a writer on disk: opened when {@code wanted}, and whenever a crash left one (its
   * changes are applied even by a writer that logs nothing); null in memory, where nothing is
   * durable anyway.
   */
  static WriteAheadLog forWriter(Directory directory, boolean wanted) throws IOException {
    if (FilterDirectory.unwrap(directory) instanceof FSDirectory fs
        && (wanted || Files.exists(fs.getDirectory().resolve(NAME)))) {
      return open(fs.getDirectory());
    }
    return null;
  }

  /** Warns a reader that a writer's latest changes are in the log, which only a writer applies. */
  static void warnIfPending(Directory directory, String location) throws IOException {
    if (FilterDirectory.unwrap(directory) instanceof FSDirectory fs) {
      Path log = fs.getDirectory().resolve(NAME);
      if (Files.exists(log) && Files.size(log) > 0) {
        LOG.warnf(
            "index %s: opened read-only, it shows the last checkpoint; changes since then (%d"
                + " bytes in %s, from a server writing it or one that crashed) become visible at"
                + " the writer's next checkpoint",
            location, Files.size(log), NAME);
      }
    }
  }

  /** Opens (or creates) the log in {@code directory}, reading the changes it holds. */
  private static WriteAheadLog open(Path directory) throws IOException {
    Path path = directory.resolve(NAME);
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
      while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
        // reads the whole file: a checkpoint keeps it small
      }
      all.flip();
      List<LoggedChange> changes = new ArrayList<>();
      long valid = 0;
      while (all.remaining() >= HEADER) {
        int length = all.getInt();
        long checksum = all.getLong();
        if (length < 1 || length > all.remaining()) {
          break; // a torn entry: never synced, never acknowledged
        }
        byte[] payload = new byte[length];
        all.get(payload);
        if (crc(payload) != checksum) {
          break;
        }
        changes.add(LoggedChange.decode(payload));
        valid = all.position();
      }
      if (valid < channel.size()) {
        channel.truncate(valid);
        channel.force(true);
      }
      return new WriteAheadLog(path, channel, changes, valid);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The changes the file held when it was opened, in the order they were made. */
  List<LoggedChange> pending() {
    return List.copyOf(pending);
  }

  /**
   * Appends a change; durable only after the next {@link #sync}. Written at the end of the last
   * whole entry, so an append that failed half-way (a full disk) is overwritten by the next one
   * rather than left between acknowledged entries, where it would end the replay early.
   */
  void append(LoggedChange change) throws IOException {
    byte[] payload = LoggedChange.encode(change);
    ByteBuffer entry = ByteBuffer.allocate(HEADER + payload.length);
    entry.putInt(payload.length).putLong(crc(payload)).put(payload).flip();
    long at = size;
    while (entry.hasRemaining()) {
      at += channel.write(entry, at);
    }
    size = at;
  }

  /** Makes every change appended before this call durable. */
  void sync() throws IOException {
    channel.force(false);
  }

  /** Bytes of changes held since the last {@link #clear}. */
  long size() {
    return size;
  }

  /** Forgets every change: a commit now holds them. */
  void clear() throws IOException {
    channel.truncate(0);
    channel.force(true);
    pending.clear();
    size = 0;
  }

  /** Closes the file and removes it: called after the closing commit, so it holds nothing. */
  @Override
  public void close() throws IOException {
    channel.close();
    if (size == 0) {
      Files.deleteIfExists(path);
    }
  }

  private static long crc(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return crc.getValue();
  }
}
