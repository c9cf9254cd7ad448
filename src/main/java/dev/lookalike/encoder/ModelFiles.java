package dev.lookalike.encoder;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads and writes a model directory: {@code model.json} (a manifest record such as {@link
 * ModelManifest} or {@link VaeManifest}) and {@code weights.params} (the network's parameters in
 * DJL's block format).
 *
 * <p>Each file is written under a temporary name and moved into place, so a crash never leaves a
 * half-written file; the weights go first because a manifest is what makes a directory a model.
 */
public final class ModelFiles {

  public static final String MANIFEST = "model.json";
  public static final String WEIGHTS = "weights.params";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelFiles() {}

  /**
   * Writes a model directory, creating it if needed; {@code manifest} becomes {@code model.json}.
   */
  public static void write(Path directory, Block block, Record manifest) throws IOException {
    Files.createDirectories(directory);
    ByteArrayOutputStream weights = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(weights)) {
      block.saveParameters(out);
    }
    replace(directory.resolve(WEIGHTS), weights.toByteArray());
    replace(directory.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
  }

  /**
   * Writes a model directory with the weights of {@code source} and a new manifest, e.g. the same
   * network with refitted codes.
   */
  public static void write(Path directory, ModelSource source, Record manifest) throws IOException {
    byte[] weights;
    try (InputStream in = source.open(WEIGHTS)) {
      weights = in.readAllBytes();
    }
    Files.createDirectories(directory);
    replace(directory.resolve(WEIGHTS), weights);
    replace(directory.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
  }

  /** The parsed manifest, the weight bytes and the fingerprint of both files. */
  record Loaded<M extends Record>(M manifest, byte[] weights, String fingerprint) {}

  /**
   * Reads both files; {@code type} is the manifest record, whose constructor refuses a directory of
   * another architecture.
   */
  static <M extends Record> Loaded<M> read(ModelSource source, Class<M> type) throws IOException {
    byte[] manifestBytes;
    byte[] weights;
    try (InputStream in = source.open(MANIFEST)) {
      manifestBytes = in.readAllBytes();
    }
    try (InputStream in = source.open(WEIGHTS)) {
      weights = in.readAllBytes();
    }
    M manifest;
    try {
      manifest = JSON.readValue(manifestBytes, type);
    } catch (IOException e) {
      throw new IOException(
          "invalid " + MANIFEST + " in " + source.describe() + ": " + e.getMessage(), e);
    }
    return new Loaded<>(manifest, weights, fingerprint(manifestBytes, weights));
  }

  static void loadWeights(Block block, NDManager manager, byte[] weights, String where)
      throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
      block.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException(
          "weights in " + where + " do not fit the network of its model.json: " + e.getMessage(),
          e);
    }
  }

  /**
   * Checks the layout version and architecture a {@code model.json} declares, so a DAE loader
   * refuses a VAE directory (and the reverse) with a message naming both.
   */
  static void checkLayout(
      int format, int expectedFormat, String architecture, String expectedArchitecture) {
    if (format != expectedFormat) {
      throw new IllegalArgumentException(
          "model.json format " + format + " is not supported (expected " + expectedFormat + ")");
    }
    if (!expectedArchitecture.equals(architecture)) {
      throw new IllegalArgumentException(
          "model.json describes a '"
              + architecture
              + "' network; expected '"
              + expectedArchitecture
              + "'");
    }
  }

  /** The manifest as JSON text, for reports. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A short, stable identity for the model: the first 16 hex digits of SHA-256 over both files. An
   * index records it, so codes from different models are never mixed.
   */
  static String fingerprint(byte[] manifest, byte[] weights) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(manifest);
      sha.update(weights);
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void replace(Path target, byte[] content) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(temporary, content);
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
