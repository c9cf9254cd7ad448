package dev.lookalike.collection;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.EncodedImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds and removes uploaded images, one at a time or in batches. Every change is committed before
 * returning, so an acknowledged write survives a crash; concurrent changes share their commits
 * ({@link GroupCommit}), and concurrent single adds their encoding and index write ({@link
 * AddBatcher}). With {@link Originals} on, an upload's bytes are durable before it is indexed.
 */
public final class ImageCollection {

  /** The most images one batch ({@link #addAll}) may carry: a bound on one request's memory. */
  public static final int MAX_BATCH = 256;

  private final ImagePipeline pipeline;
  private final CodeModel model;
  private final ImageIndex index;
  private final GroupCommit commits;
  private final AddBatcher adds;
  private final ChangeLog changes;
  private final Originals originals;

  public ImageCollection(ImagePipeline pipeline, CodeModel model, ImageIndex index) {
    this(pipeline, model, index, new ChangeLog(), Originals.none());
  }

  /**
   * A collection that records the ids it changes in {@code changes}, e.g. during a reindex, and
   * keeps the uploads' bytes in {@code originals}.
   */
  public ImageCollection(
      ImagePipeline pipeline,
      CodeModel model,
      ImageIndex index,
      ChangeLog changes,
      Originals originals) {
    this.pipeline = pipeline;
    this.model = model;
    this.index = index;
    this.commits = new GroupCommit(index);
    this.adds = new AddBatcher(model, index, changes);
    this.changes = changes;
    this.originals = originals;
  }

  /** Batches the single adds were written in since start (concurrent adds share one). */
  public long addBatches() {
    return adds.batches();
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
    Upload upload = new Upload(bytes, label, uri);
    PreparedImage prepared = pipeline.prepare(bytes);
    originals.keep(upload.id(), bytes);
    adds.add(
        new AddBatcher.Pending(
            prepared.input(), encoded -> upload.record(metadata, prepared, encoded)));
    commits.awaitDurable();
    return upload.id();
  }

  /**
   * One image of a batch.
   *
   * @param uri where it came from (its id is derived from it), or null for an id from the content
   */
  public record Upload(byte[] bytes, String label, String uri) {

    String id() {
      return uri == null || uri.isBlank() ? ImageIds.forContent(bytes) : ImageIds.forUri(uri);
    }

    ImageRecord record(Map<String, String> metadata, PreparedImage prepared, EncodedImage encoded) {
      String id = id();
      return new ImageRecord(
          id,
          uri == null || uri.isBlank() ? "upload:" + id : uri,
          label,
          metadata,
          prepared.thumbnailPng(),
          encoded.codes(),
          encoded.reconstructionError());
    }
  }

  /**
   * What a batch did.
   *
   * @param added ids written, in upload order
   * @param skipped ids left alone because they were indexed already
   * @param failed uploads that are not images (or too large), by position in the batch
   */
  public record BatchResult(List<String> added, List<String> skipped, List<Failure> failed) {

    /** An upload that was refused, and why. */
    public record Failure(int position, String uri, String reason) {}
  }

  /**
   * Decodes every upload, encodes the good ones in one pass of the model, writes them and returns
   * once they are durable. An upload that is not a usable image fails alone; the rest are written.
   *
   * @param skipExisting leave uploads whose id is indexed already untouched (a resumed run)
   * @throws dev.lookalike.image.DecoderBusyException when the decode budget is spent: nothing of
   *     the batch is written, and the whole batch can be sent again
   */
  public BatchResult addAll(List<Upload> uploads, boolean skipExisting) throws IOException {
    if (uploads.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "a batch carries at most " + MAX_BATCH + " images, got " + uploads.size());
    }
    Set<String> existing =
        skipExisting ? index.existing(uploads.stream().map(Upload::id).toList()) : Set.of();
    List<String> skipped = new ArrayList<>();
    List<BatchResult.Failure> failed = new ArrayList<>();
    List<Upload> kept = new ArrayList<>();
    List<PreparedImage> prepared = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      Upload upload = uploads.get(i);
      if (existing.contains(upload.id())) {
        skipped.add(upload.id());
        continue;
      }
      try {
        prepared.add(pipeline.prepare(upload.bytes()));
        kept.add(upload);
      } catch (InvalidImageException e) {
        failed.add(new BatchResult.Failure(i, upload.uri(), e.getMessage()));
      }
    }
    List<EncodedImage> encoded =
        prepared.isEmpty()
            ? List.of()
            : model.encode(prepared.stream().map(PreparedImage::input).toList());
    List<ImageRecord> records = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      records.add(kept.get(i).record(Map.of(), prepared.get(i), encoded.get(i)));
    }
    for (Upload upload : kept) {
      originals.keep(upload.id(), upload.bytes());
    }
    if (!records.isEmpty()) {
      index.add(records);
      changes.changed(records.stream().map(ImageRecord::id).toList());
      commits.awaitDurable();
    }
    return new BatchResult(records.stream().map(ImageRecord::id).toList(), skipped, failed);
  }

  public boolean delete(String id) throws IOException {
    boolean deleted = index.delete(id);
    if (deleted) {
      changes.changed(id);
      commits.awaitDurable();
      originals.forget(id);
    }
    return deleted;
  }
}
