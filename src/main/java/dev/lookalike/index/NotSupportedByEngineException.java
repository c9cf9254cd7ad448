package dev.lookalike.index;

/** An operation one engine leaves to its own tools; the message says which. */
public class NotSupportedByEngineException extends UnsupportedOperationException {

  public NotSupportedByEngineException(String message) {
    super(message);
  }
}
