package dev.lookalike.search;

/** No indexed image has the given id. */
public final class UnknownImageException extends RuntimeException {

  public UnknownImageException(String id) {
    super("no image with id '" + id + "'");
  }
}
