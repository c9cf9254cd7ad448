package dev.lookalike.encoder;

/**
 * Keeps DJL offline: without {@code ai.djl.offline} it opens a telemetry connection when the engine
 * starts and may try to download a native library. Lookalike ships the PyTorch native library as a
 * Maven dependency, so it never needs the network.
 */
public final class Djl {

  public static final String OFFLINE_PROPERTY = "ai.djl.offline";

  private Djl() {}

  /** Sets the offline property unless the user chose otherwise; call before the engine starts. */
  public static void ensureOffline() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
  }
}
