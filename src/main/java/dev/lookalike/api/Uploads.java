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
