package dev.lookalike.image;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on the pixels being decoded at once, so that many large uploads together cannot exhaust
 * memory: a decode takes its decoded size from the budget before it starts and returns it when its
 * pixels are released. Past the wait, the decode is refused with {@link DecoderBusyException} (HTTP
 * 503) rather than queued without end.
 *
 * <p>A picture larger than the whole budget takes all of it, so it decodes alone rather than never.
 * Thread-safe; one instance is shared by everything that decodes in a server.
 */
public final class DecodeBudget {

  /** 1 permit = 1,024 pixels, so that budgets of billions of pixels fit a semaphore's int. */
  private static final int PIXELS_PER_PERMIT = 1024;

  private static final DecodeBudget UNLIMITED = new DecodeBudget(Integer.MAX_VALUE, Duration.ZERO);

  private final Semaphore permits;
  private final int capacity;
  private final Duration wait;

  private DecodeBudget(int capacity, Duration wait) {
    this.capacity = capacity;
    this.permits = new Semaphore(capacity, true);
    this.wait = wait;
  }

  /**
   * @param megapixels pixels (in millions) that may be decoded at once, above 0
   * @param wait how long a decode waits for its share before it is refused, not negative
   */
  public static DecodeBudget of(double megapixels, Duration wait) {
    if (!(megapixels > 0) || megapixels * 1e6 / PIXELS_PER_PERMIT > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the decode budget must be above 0 and at most 2 million megapixels, got " + megapixels);
    }
    if (wait == null || wait.isNegative()) {
      throw new IllegalArgumentException("the decode wait must not be negative, got " + wait);
    }
    return new DecodeBudget((int) Math.ceil(megapixels * 1e6 / PIXELS_PER_PERMIT), wait);
  }

  /** No bound: for the CLI and training, which decode on a fixed pool of their own. */
  public static DecodeBudget unlimited() {
    return UNLIMITED;
  }

  /** Pixels taken by decodes under way, for metrics and tests. */
  public long pixelsInUse() {
    return (long) (capacity - permits.availablePermits()) * PIXELS_PER_PERMIT;
  }

  /**
   * Takes the share of a {@code width x height} decode; release it by closing the permit.
   *
   * @throws DecoderBusyException when the share is not free within the wait
   */
  Permit acquire(long width, long height) {
    if (this == UNLIMITED) {
      return () -> {};
    }
    int needed =
        (int) Math.min(capacity, Math.max(1, Math.ceilDiv(width * height, PIXELS_PER_PERMIT)));
    try {
      if (!permits.tryAcquire(needed, wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new DecoderBusyException(
            String.format(
                Locale.ROOT,
                "the server is decoding as many pixels as it may at once; %dx%d did not fit within"
                    + " %d ms, try again shortly",
                width,
                height,
                wait.toMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DecoderBusyException("interrupted while waiting to decode");
    }
    return new Permit() {
      private boolean released;

      @Override
      public synchronized void close() {
        if (!released) {
          released = true;
          permits.release(needed);
        }
      }
    };
  }

  /** A share of the budget; closing it (once or more) gives it back. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
