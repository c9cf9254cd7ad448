package dev.lookalike.cli;

import dev.lookalike.image.InvalidImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Image files named on the command line: every error about one names the file. */
final class ImageArguments {

  private ImageArguments() {}

  /** Something that decodes the file's bytes and may find them invalid. */
  interface Decoding<T> {
    T apply(byte[] bytes) throws IOException;
  }

  static <T> T decode(Path file, Decoding<T> decoding) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    try {
      return decoding.apply(bytes);
    } catch (InvalidImageException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
