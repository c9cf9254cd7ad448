package dev.lookalike.collection;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.EncodedImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.image.PreparedImage;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Adds many images to an index as a pipeline: reading and decoding on {@code threads} threads,
 * encoding in batches on its own thread, writing on the caller's, connected by bounded queues so
 * memory stays flat whatever the number of inputs, and every stage busy while the others work.
 *
 * <p>An input that cannot be read or decoded goes to the {@link FailureLog} and is skipped; it
 * never stops the run or leaves a partial document. Inputs whose id is already indexed are skipped
 * (looked up a chunk at a time) unless {@code replace} is set, so re-running over the same folder —
 * after a crash, say — adds nothing twice. The run commits as its {@link CommitPolicy} says and at
 * the end.
 */
public final class BulkIndexer implements Indexer {

  /**
   * How a run works.
   *
   * @param threads reading and decoding threads
   * @param batchSize images encoded per batch
   * @param replace re-encode images already indexed
   */
  public record Settings(int threads, int batchSize, boolean replace, CommitPolicy commits) {
    public Settings {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be in [1, 256], got: " + threads);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got: " + batchSize);
      }
      if (commits == null) {
        throw new IllegalArgumentException("a commit policy is required");
      }
    }
  }

  /** Inputs a decoding thread takes at once: one existence lookup per chunk. */
  private static final int CHUNK = 64;

  /** Ends a queue. */
  private static final List<ImageRecord> END = List.of();

  private record Decoded(IndexInputs.Input input, PreparedImage image) {}

  private static final Decoded DONE = new Decoded(null, null);

  private final ImagePipeline pipeline;
  private final CodeModel model;
  private final ImageIndex index;
  private final Settings settings;
  private final ProgressListener progress;

  public BulkIndexer(
      ImagePipeline pipeline,
      CodeModel model,
      ImageIndex index,
      Settings settings,
      ProgressListener progress) {
    this.pipeline = pipeline;
    this.model = model;
    this.index = index;
    this.settings = settings;
    this.progress = progress;
  }

  /** Indexes every input, recording failures in {@code failures}. */
  @Override
  public IndexingReport index(IndexInputs inputs, FailureLog failures) throws IOException {
    return new Run(inputs, failures).run();
  }

  /** The state of one run, shared by its stages. */
  private final class Run {
    private final IndexInputs inputs;
    private final FailureLog failures;
    private final BlockingQueue<Decoded> decoded;
    private final BlockingQueue<List<ImageRecord>> encoded = new ArrayBlockingQueue<>(2);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong added = new AtomicLong();
    private final AtomicInteger decoding;
    private final long start = System.nanoTime();

    Run(IndexInputs inputs, FailureLog failures) {
      this.inputs = inputs;
      this.failures = failures;
      this.decoded = new ArrayBlockingQueue<>(2 * settings.batchSize());
      this.decoding = new AtomicInteger(settings.threads());
    }

    IndexingReport run() throws IOException {
      ExecutorService stages =
          Executors.newFixedThreadPool(
              settings.threads() + 1, Thread.ofPlatform().daemon().name("index-", 0).factory());
      try {
        for (int t = 0; t < settings.threads(); t++) {
          stages.execute(guarded(this::decode));
        }
        stages.execute(guarded(this::encode));
        write();
      } catch (IOException | RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        stages.shutdownNow();
      }
      Throwable failed = failure.get();
      if (failed != null) {
        throw failed instanceof IOException io
            ? io
            : new IOException("indexing failed: " + failed, failed);
      }
      return new IndexingReport(
          added.get(),
          skipped.get(),
          failures.count(),
          failures.kept(),
          (System.nanoTime() - start) / 1e9);
    }

    private interface Stage {
      void run() throws Exception;
    }

    private Runnable guarded(Stage stage) {
      return () -> {
        try {
          stage.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      };
    }

    /** Reading and decoding: a chunk of inputs at a time, those not yet indexed. */
    private void decode() throws Exception {
      try {
        for (List<IndexInputs.Input> chunk = take(); !chunk.isEmpty(); chunk = take()) {
          Set<String> present =
              settings.replace()
                  ? Set.of()
                  : index.existing(chunk.stream().map(IndexInputs.Input::id).toList());
          for (IndexInputs.Input input : chunk) {
            if (present.contains(input.id())) {
              skipped.incrementAndGet();
              continue;
            }
            try {
              put(decoded, new Decoded(input, input.source().prepare(pipeline)));
            } catch (InvalidImageException | IOException | UncheckedIOException e) {
              failures.add(source(input), reason(e));
            }
          }
        }
      } finally {
        if (decoding.decrementAndGet() == 0) {
          put(decoded, DONE);
        }
      }
    }

    private List<IndexInputs.Input> take() {
      List<IndexInputs.Input> chunk = new ArrayList<>(CHUNK);
      synchronized (inputs) {
        for (IndexInputs.Input next; chunk.size() < CHUNK && (next = inputs.next()) != null; ) {
          chunk.add(next);
        }
      }
      return failure.get() == null ? chunk : List.of();
    }

    /** Encoding: full batches as they fill, the last one when decoding is done. */
    private void encode() throws Exception {
      List<Decoded> batch = new ArrayList<>(settings.batchSize());
      for (Decoded next = poll(decoded); next != DONE; next = poll(decoded)) {
        if (next != null) {
          batch.add(next);
        }
        if (batch.size() == settings.batchSize()) {
          put(encoded, records(batch));
          batch = new ArrayList<>(settings.batchSize());
        }
      }
      if (!batch.isEmpty()) {
        put(encoded, records(batch));
      }
      put(encoded, END);
    }

    private List<ImageRecord> records(List<Decoded> batch) {
      List<EncodedImage> codes = model.encode(batch.stream().map(d -> d.image().input()).toList());
      List<ImageRecord> records = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        IndexInputs.Input input = batch.get(i).input();
        records.add(
            new ImageRecord(
                input.id(),
                input.uri(),
                input.label(),
                input.metadata(),
                batch.get(i).image().thumbnailPng(),
                codes.get(i).codes(),
                codes.get(i).reconstructionError()));
      }
      return records;
    }

    /** Writing, on the caller's thread: adds, commits when due, reports progress. */
    private void write() throws IOException {
      long lastCommit = System.nanoTime();
      long sinceCommit = 0;
      for (List<ImageRecord> batch = poll(encoded); batch != END; batch = poll(encoded)) {
        if (batch != null) {
          index.add(batch);
          added.addAndGet(batch.size());
          sinceCommit += batch.size();
        }
        if (sinceCommit > 0
            && settings.commits().due(System.nanoTime() - lastCommit, sinceCommit)) {
          index.commit();
          lastCommit = System.nanoTime();
          sinceCommit = 0;
        }
        progress.progress(added.get() + skipped.get() + failures.count(), inputs.size());
      }
      index.finishBulk(); // inside the run's time: the index is ready to serve when it reports
      index.commit();
      progress.progress(inputs.size(), inputs.size());
    }

    /** The next element, or null after a short wait (so a failed stage is noticed). */
    private <T> T poll(BlockingQueue<T> queue) throws InterruptedIOException {
      try {
        if (failure.get() != null) {
          throw new InterruptedIOException("another indexing stage failed");
        }
        return queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while indexing");
      }
    }

    private <T> void put(BlockingQueue<T> queue, T element) throws InterruptedIOException {
      try {
        while (!queue.offer(element, 100, TimeUnit.MILLISECONDS)) {
          if (failure.get() != null) {
            throw new InterruptedIOException("another indexing stage failed");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while indexing");
      }
    }
  }

  /** A file's path (what a person typed), or the input's URI. */
  private static String source(IndexInputs.Input input) {
    return input.uri().startsWith("file:")
        ? Path.of(URI.create(input.uri())).toString()
        : input.uri();
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return cause instanceof InvalidImageException
        ? cause.getMessage()
        : "cannot read (" + cause.getMessage() + ")";
  }
}
