package dev.lookalike.api;

/**
 * A request the API refuses because of what the client sent (400). Thrown only at the edge, after
 * checking the client's input: any other exception is a server fault and answers 500.
 */
public final class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
