package dev.lookalike.collection;

import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.EncodedImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Adds many images to an index: decodes them on a thread pool, encodes them in batches (the model
 * is much faster per image in batches), writes them and commits at the end.
 *
 * <p>An input that cannot be read or decoded is recorded as a failure and skipped; it never stops
 * the run or leaves a partial document. Images whose id is already indexed are skipped unless
 * {@code replace} is set, so re-running over the same folder adds nothing twice.
 */
public final class BulkIndexer {

  private final ImagePipeline pipeline;
  private final CodeModel model;
  private final ImageIndex index;
  private final int threads;
  private final int batchSize;
  private final boolean replace;
  private final ProgressListener progress;

  public BulkIndexer(
      ImagePipeline pipeline,
      CodeModel model,
      ImageIndex index,
      int threads,
      int batchSize,
      boolean replace,
      ProgressListener progress) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be in [1, 256], got: " + threads);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got: " + batchSize);
    }
    this.pipeline = pipeline;
    this.model = model;
    this.index = index;
    this.threads = threads;
    this.batchSize = batchSize;
    this.replace = replace;
    this.progress = progress;
  }

  /** One input turned into pixels, or the reason it could not be. */
  private record Outcome(
      String id, String uri, String label, PreparedImage image, String skipped, String failure) {}

  private interface Source {
    int size();

    Outcome prepare(int i) throws IOException;
  }

  public IndexingReport indexFiles(List<Path> files) throws IOException {
    return run(
        new Source() {
          @Override
          public int size() {
            return files.size();
          }

          @Override
          public Outcome prepare(int i) throws IOException {
            Path file = files.get(i);
            String uri = file.toAbsolutePath().normalize().toUri().toString();
            String id = ImageIds.forUri(uri);
            if (!replace && index.get(id).isPresent()) {
              return new Outcome(id, uri, null, null, file.toString(), null);
            }
            try {
              return new Outcome(
                  id, uri, null, pipeline.prepare(Files.readAllBytes(file)), null, null);
            } catch (InvalidImageException e) {
              return new Outcome(id, uri, null, null, null, file + ": " + e.getMessage());
            } catch (IOException e) {
              return new Outcome(
                  id, uri, null, null, null, file + ": cannot read (" + e.getMessage() + ")");
            }
          }
        });
  }

  public IndexingReport indexImages(LabeledImages images) throws IOException {
    return run(
        new Source() {
          @Override
          public int size() {
            return images.size();
          }

          @Override
          public Outcome prepare(int i) throws IOException {
            String uri = images.uri(i);
            String id = ImageIds.forUri(uri);
            if (!replace && index.get(id).isPresent()) {
              return new Outcome(id, uri, null, null, uri, null);
            }
            return new Outcome(
                id, uri, images.labelName(i), pipeline.prepare(images.images().get(i)), null, null);
          }
        });
  }

  private IndexingReport run(Source source) throws IOException {
    long start = System.nanoTime();
    int added = 0;
    int skipped = 0;
    List<IndexingReport.Failure> failures = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().daemon().name("decode-", 0).factory());
    try {
      for (int from = 0; from < source.size(); from += batchSize) {
        int to = Math.min(source.size(), from + batchSize);
        List<Future<Outcome>> futures = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          int item = i;
          futures.add(pool.submit(() -> source.prepare(item)));
        }
        List<Outcome> ready = new ArrayList<>(futures.size());
        for (Future<Outcome> future : futures) {
          Outcome outcome = get(future);
          if (outcome.failure() != null) {
            failures.add(new IndexingReport.Failure(outcome.uri(), outcome.failure()));
          } else if (outcome.skipped() != null) {
            skipped++;
          } else {
            ready.add(outcome);
          }
        }
        write(ready);
        added += ready.size();
        progress.progress(to, source.size());
      }
    } finally {
      pool.shutdownNow();
    }
    index.commit();
    return new IndexingReport(added, skipped, failures, (System.nanoTime() - start) / 1e9);
  }

  private void write(List<Outcome> ready) throws IOException {
    if (ready.isEmpty()) {
      return;
    }
    List<EncodedImage> encoded = model.encode(ready.stream().map(o -> o.image().input()).toList());
    List<ImageRecord> records = new ArrayList<>(ready.size());
    for (int i = 0; i < ready.size(); i++) {
      Outcome o = ready.get(i);
      records.add(
          new ImageRecord(
              o.id(),
              o.uri(),
              o.label(),
              Map.of(),
              o.image().thumbnailPng(),
              encoded.get(i).codes(),
              encoded.get(i).reconstructionError()));
    }
    index.add(records);
  }

  private static Outcome get(Future<Outcome> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("indexing failed: " + e.getCause(), e.getCause());
    }
  }
}
