package dev.lookalike.index;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;

/**
 * Which model's codes an index holds: codes of two models live in different spaces, so an index
 * records this value when it is first written and refuses codes of any other model.
 *
 * @param fingerprint checksum of the model's weights and manifest
 * @param latent length of the dense codes
 * @param bits length of the binary codes
 */
public record ModelIdentity(String fingerprint, int latent, int bits) {

  public ModelIdentity {
    if (fingerprint == null || fingerprint.isBlank()) {
      throw new IllegalArgumentException("model fingerprint must not be blank");
    }
    if (latent < 1) {
      throw new IllegalArgumentException("latent size must be at least 1, got: " + latent);
    }
    if (bits < 1) {
      throw new IllegalArgumentException("bits must be at least 1, got: " + bits);
    }
  }

  /** Refuses a query whose codes do not have this model's lengths. */
  public void checkQuery(Codes query) {
    if (query.dense().length != latent) {
      throw new IllegalArgumentException(
          "query has a "
              + query.dense().length
              + "-dimensional dense code; the index holds "
              + latent
              + "-dimensional codes");
    }
    if (query.bits().length != BinaryCodes.words(bits)) {
      throw new IllegalArgumentException(
          "query has a "
              + query.bits().length * 64
              + "-bit code slot; the index holds "
              + bits
              + "-bit codes");
    }
  }

  @Override
  public String toString() {
    return fingerprint + " (latent " + latent + ", " + bits + " bits)";
  }
}
