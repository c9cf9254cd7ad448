package dev.lookalike.collection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bytes of uploaded images, kept when {@code lookalike.store-originals} is on so that a reindex
 * encodes an upload from what was uploaded instead of from its 96-pixel thumbnail. One file per
 * image id (named by the id's SHA-256, in 256 folders), written and forced to disk before the
 * upload is acknowledged; removed once the image's delete is durable (a crash in between leaves a
 * file no image refers to, never an image without its file).
 */
public final class Originals {

  private static final Originals NONE = new Originals(null);

  private final Path dir;

  private Originals(Path dir) {
    this.dir = dir;
  }

  /** No originals kept: uploads are re-encoded from their thumbnails. */
  public static Originals none() {
    return NONE;
  }

  /** Originals kept under {@code dir}. */
  public static Originals in(Path dir) {
    return new Originals(dir);
  }

  public boolean enabled() {
    return dir != null;
  }

  /** Keeps {@code bytes} as image {@code id}'s original, durably; replaces an earlier one. */
  public void keep(String id, byte[] bytes) throws IOException {
    if (dir == null) {
      return;
    }
    Path file = file(id);
    Path folder = Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    // the rename is durable only once the folder's entry is
    try (FileChannel folderChannel = FileChannel.open(folder, StandardOpenOption.READ)) {
      folderChannel.force(true);
    }
  }

  /** Image {@code id}'s original, when one was kept. */
  public Optional<byte[]> read(String id) throws IOException {
    if (dir == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file(id)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Forgets image {@code id}'s original, if one was kept. */
  public void forget(String id) throws IOException {
    if (dir != null) {
      Files.deleteIfExists(file(id));
    }
  }

  private Path file(String id) {
    String hex = HexFormat.of().formatHex(sha256(id));
    return dir.resolve(hex.substring(0, 2)).resolve(hex);
  }

  private static byte[] sha256(String id) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
