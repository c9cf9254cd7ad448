package dev.lookalike.client;

import dev.lookalike.collection.FailureLog;
import dev.lookalike.collection.ImageCollection;
import dev.lookalike.collection.IndexInputs;
import dev.lookalike.collection.Indexer;
import dev.lookalike.collection.IndexingReport;
import dev.lookalike.collection.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams image files into a running server's batch endpoint: {@code connections} clients each read
 * a batch of files and send it, waiting for the answer before the next, so the server's pace sets
 * the client's (back-pressure) and memory stays at a few batches. The server skips images already
 * indexed, so a run that stopped is resumed by running it again; a busy server (503, 429) gets the
 * same batch again after a pause.
 */
public final class RemoteIndexer implements Indexer {

  private static final int MAX_ATTEMPTS = 8;

  private final ServerClient client;
  private final int batchSize;
  private final int connections;
  private final ProgressListener progress;

  public RemoteIndexer(
      ServerClient client, int batchSize, int connections, ProgressListener progress) {
    if (batchSize < 1 || batchSize > ImageCollection.MAX_BATCH || connections < 1) {
      throw new IllegalArgumentException(
          "with --server, --batch must be 1 to "
              + ImageCollection.MAX_BATCH
              + " and --threads at least 1");
    }
    this.client = client;
    this.batchSize = batchSize;
    this.connections = connections;
    this.progress = progress;
  }

  @Override
  public IndexingReport index(IndexInputs inputs, FailureLog failures) throws IOException {
    AtomicLong added = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long total = inputs.size();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
      List<Future<Void>> clients = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (List<IndexInputs.Input> batch = take(inputs);
                      !batch.isEmpty();
                      batch = take(inputs)) {
                    send(batch, failures, added, skipped);
                    progress.progress(done.addAndGet(batch.size()), total);
                  }
                  return null;
                }));
      }
      for (Future<Void> finished : clients) {
        finished.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? io
          : new IOException("an ingest client failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new IndexingReport(
        added.get(),
        skipped.get(),
        failures.count(), // over the whole log, as BulkIndexer reports it
        failures.kept(),
        (System.nanoTime() - start) / 1e9);
  }

  private List<IndexInputs.Input> take(IndexInputs inputs) {
    List<IndexInputs.Input> batch = new ArrayList<>(batchSize);
    for (IndexInputs.Input next = inputs.next(); next != null; next = inputs.next()) {
      batch.add(next);
      if (batch.size() == batchSize) {
        break;
      }
    }
    return batch;
  }

  private void send(
      List<IndexInputs.Input> batch, FailureLog failures, AtomicLong added, AtomicLong skipped)
      throws IOException, InterruptedException {
    List<ServerClient.BatchItem> items = new ArrayList<>(batch.size());
    List<String> paths = new ArrayList<>(batch.size());
    for (IndexInputs.Input input : batch) {
      try {
        Path path = pathOf(input.uri());
        items.add(new ServerClient.BatchItem(Files.readAllBytes(path), input.uri()));
        paths.add(path.toString());
      } catch (IOException | IllegalArgumentException e) {
        failures.add(input.uri(), "cannot read: " + e.getMessage());
      }
    }
    if (items.isEmpty()) {
      return;
    }
    ServerClient.BatchAnswer answer = sendWithRetries(items);
    added.addAndGet(answer.added());
    skipped.addAndGet(answer.skipped());
    for (ServerClient.BatchAnswer.Failure failure : answer.failed()) {
      failures.add(paths.get(failure.position()), failure.reason());
    }
  }

  private ServerClient.BatchAnswer sendWithRetries(List<ServerClient.BatchItem> items)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.addBatch(items);
      } catch (ServerClient.BusyException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new IOException("the server stayed busy for " + MAX_ATTEMPTS + " attempts", e);
        }
        Thread.sleep(Math.min(10_000L, 250L << attempt));
      }
    }
  }

  /** The file a {@code file:} URI names; anything else is refused (only files are sent). */
  private static Path pathOf(String uri) {
    if (!uri.startsWith("file:")) {
      throw new IllegalArgumentException(
          uri + " is not a file: --server sends image files; index data sets locally");
    }
    return Path.of(URI.create(uri));
  }
}
