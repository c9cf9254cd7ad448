package dev.lookalike.image;

/**
 * Thrown when uploaded bytes cannot become a picture; the message is meant for the person who sent
 * them.
 *
 * <p>The {@link Reason} lets the REST layer choose a status without parsing messages: {@code EMPTY}
 * and {@code UNDECODABLE} are 400, {@code UNSUPPORTED_TYPE} is 415, {@code TOO_LARGE} is 413.
 */
public final class InvalidImageException extends RuntimeException {

  /** Why the bytes were refused. */
  public enum Reason {
    /** No bytes at all. */
    EMPTY,
    /** A recognised format whose data is damaged or truncated. */
    UNDECODABLE,
    /** Not an image format this server reads. */
    UNSUPPORTED_TYPE,
    /** Too many bytes or too many pixels. */
    TOO_LARGE
  }

  private final Reason reason;

  public InvalidImageException(Reason reason, String message) {
    this(reason, message, null);
  }

  public InvalidImageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null");
    }
    this.reason = reason;
  }

  /** Why the bytes were refused. */
  public Reason reason() {
    return reason;
  }
}
