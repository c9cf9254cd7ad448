package dev.lookalike.index;

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

  @Override
  public String toString() {
    return fingerprint + " (latent " + latent + ", " + bits + " bits)";
  }
}
