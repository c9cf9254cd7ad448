package dev.lookalike.encoder;

import ai.djl.Device;

/** Picks where tensors live: the first GPU when the engine sees one, the CPU otherwise. */
public final class Devices {

  private Devices() {}

  public static Device preferred() {
    return DeviceChoice.AUTO.resolve();
  }
}
