package dev.lookalike.index.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.TransportException;
import org.opensearch.client.util.MissingRequiredPropertyException;

/**
 * Retries a cluster call that failed for a reason that may pass: a node gone (connection refused,
 * timeout), a full queue (429) or a server error (5xx) while shards move. Everything else — a bad
 * request, a mapping conflict — fails at once.
 */
final class Retries {

  private static final long FIRST_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 5_000;

  private final int retries;

  Retries(int retries) {
    this.retries = retries;
  }

  interface Call<T> {
    T call() throws IOException;
  }

  <T> T call(Call<T> call) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.call();
      } catch (OpenSearchException e) {
        if (!retryable(e.status()) || attempt >= retries) {
          throw e;
        }
      } catch (MissingRequiredPropertyException e) {
        // The client could not read an error body the cluster sent while shards were moving
        // (seen when a node was killed): the request failed on the cluster's side, so try again.
        if (attempt >= retries) {
          throw e;
        }
      } catch (TransportException e) {
        if (attempt >= retries) {
          throw e;
        }
      } catch (IOException e) {
        if (attempt >= retries || e instanceof InterruptedIOException) {
          throw e;
        }
      }
      backOff(attempt);
    }
  }

  /** 429 (queue full, back off) and 5xx (shard unavailable, node left) may pass. */
  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  /** Sleeps before retry {@code attempt + 1}: 100 ms, doubling, at most 5 s. */
  void backOff(int attempt) throws InterruptedIOException {
    long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt, 16));
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  int retries() {
    return retries;
  }
}
