package dev.lookalike.image;

/** The decode budget is spent for now: a moment's overload, not a fault of the upload (503). */
public class DecoderBusyException extends RuntimeException {

  public DecoderBusyException(String message) {
    super(message);
  }
}
