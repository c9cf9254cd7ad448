package dev.lookalike.encoder;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a model's files are read from: a directory on disk, or the model shipped inside the
 * application's classpath (so the packaged jar runs with no model directory at all).
 */
public interface ModelSource {

  /** Opens one file of the model, e.g. {@code model.json}. */
  InputStream open(String name) throws IOException;

  /** A short description for messages and stats. */
  String describe();

  static ModelSource directory(Path directory) {
    return new ModelSource() {
      @Override
      public InputStream open(String name) throws IOException {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
          throw new FileNotFoundException("no " + name + " in model directory " + directory);
        }
        return Files.newInputStream(file);
      }

      @Override
      public String describe() {
        return directory.toString();
      }
    };
  }

  /** The model shipped with the application. */
  static ModelSource shipped() {
    return classpath("lookalike/model/");
  }

  static ModelSource classpath(String prefix) {
    return new ModelSource() {
      @Override
      public InputStream open(String name) throws IOException {
        InputStream in =
            Thread.currentThread().getContextClassLoader().getResourceAsStream(prefix + name);
        if (in == null) {
          in = ModelSource.class.getClassLoader().getResourceAsStream(prefix + name);
        }
        if (in == null) {
          throw new FileNotFoundException("no " + name + " in classpath model " + prefix);
        }
        return in;
      }

      @Override
      public String describe() {
        return "classpath:" + prefix;
      }
    };
  }
}
