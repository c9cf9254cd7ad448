package dev.lookalike.encoder;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where {@code train} runs: the choice on the command line, resolved against what DJL sees. */
public enum DeviceChoice {
  /** The first GPU when the engine sees one, the CPU otherwise. */
  AUTO,
  CPU,
  /** The first GPU; refused when the engine sees none. */
  GPU;

  /** Parses {@code auto}, {@code cpu} or {@code gpu}, in any case. */
  public static DeviceChoice parse(String value) {
    for (DeviceChoice choice : values()) {
      if (choice.name().equalsIgnoreCase(value)) {
        return choice;
      }
    }
    throw new IllegalArgumentException("device must be auto, cpu or gpu, got: " + value);
  }

  /**
   * The device to train on.
   *
   * @throws IllegalArgumentException for {@link #GPU} when the engine sees no GPU
   */
  public Device resolve() {
    return resolve(gpus());
  }

  /** The device for an engine that sees {@code gpuCount} GPUs. */
  public Device resolve(int gpuCount) {
    return switch (this) {
      case AUTO -> gpuCount > 0 ? Device.gpu() : Device.cpu();
      case CPU -> Device.cpu();
      case GPU -> {
        if (gpuCount == 0) {
          throw new IllegalArgumentException(
              "--device gpu: the PyTorch engine sees no GPU. This build bundles DJL's CPU native"
                  + " library; to train on a GPU, give it a CUDA libtorch (README, 'Training on a"
                  + " GPU') or use --device auto");
        }
        yield Device.gpu();
      }
    };
  }

  private static int gpus() {
    NativeEngine.configure();
    return Engine.getInstance().getGpuCount();
  }
}
