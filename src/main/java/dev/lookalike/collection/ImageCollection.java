package dev.lookalike.collection;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.EncodedImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Adds and removes single images (uploads). Every change is committed before returning, so an
 * acknowledged write survives a crash; concurrent changes share their commits ({@link
 * GroupCommit}).
 */
public final class ImageCollection {

  private final ImagePipeline pipeline;
  private final CodeModel model;
  private final ImageIndex index;
  private final GroupCommit commits;

  public ImageCollection(ImagePipeline pipeline, CodeModel model, ImageIndex index) {
    this.pipeline = pipeline;
    this.model = model;
    this.index = index;
    this.commits = new GroupCommit(index);
  }

  /** Commits made for adds and deletes since start. */
  public long commits() {
    return commits.commits();
  }

  /**
   * Decodes, encodes and indexes one image; returns its id. The image is decoded before anything is
   * written, so bad input leaves the index untouched.
   *
   * @param uri where the image came from; when null the id is derived from the content
   */
  public String add(byte[] bytes, String label, String uri, Map<String, String> metadata)
      throws IOException {
    PreparedImage prepared = pipeline.prepare(bytes);
    String id = uri == null || uri.isBlank() ? ImageIds.forContent(bytes) : ImageIds.forUri(uri);
    String source = uri == null || uri.isBlank() ? "upload:" + id : uri;
    EncodedImage encoded = model.encode(List.of(prepared.input())).get(0);
    ImageRecord record =
        new ImageRecord(
            id,
            source,
            label,
            metadata,
            prepared.thumbnailPng(),
            encoded.codes(),
            encoded.reconstructionError());
    index.add(List.of(record));
    commits.awaitDurable();
    return id;
  }

  public boolean delete(String id) throws IOException {
    boolean deleted = index.delete(id);
    if (deleted) {
      commits.awaitDurable();
    }
    return deleted;
  }
}
