package dev.lookalike.api;

import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.InvalidImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reads an uploaded multipart file, refusing a missing part or one over the size limit. */
final class Uploads {

  private Uploads() {}

  /**
   * Reads a part of a batch without refusing it for its size: the decoder refuses an image over the
   * limit on its own, so one large image fails alone; the request body limit bounds the batch.
   */
  static byte[] readWhole(FileUpload upload, String field) {
    if (upload == null || upload.uploadedFile() == null) {
      throw new InvalidRequestException("every '" + field + "' part must be a file");
    }
    try {
      return Files.readAllBytes(upload.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(FileUpload upload, String field, ImageLimits limits) {
    if (upload == null || upload.uploadedFile() == null) {
      throw new InvalidRequestException(
          "the multipart field '" + field + "' with an image file is required");
    }
    if (upload.size() > limits.maxBytes()) {
      throw new InvalidImageException(
          InvalidImageException.Reason.TOO_LARGE,
          "the upload is " + upload.size() + " bytes; the limit is " + limits.maxBytes());
    }
    try {
      return Files.readAllBytes(upload.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
