package dev.lookalike.encoder;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Settings the PyTorch engine reads once, when its native library starts: call {@link #configure()}
 * first thing in {@code main}, before anything touches DJL.
 *
 * <p>Offline: without {@code ai.djl.offline} DJL opens a telemetry connection when the engine
 * starts and may try to download a native library. Lookalike ships the PyTorch native library as a
 * Maven dependency, so it never needs the network.
 *
 * <p>oneDNN ISA cap: with PyTorch 2.7.1 (oneDNN 3.7.1) the AVX2 and AVX-512 kernels of the
 * convolution's backward-data pass return NaN or garbage gradients on some CPUs (seen on AMD EPYC
 * with AVX-512) when the output has fewer than 16 channels, as the autoencoder's last layer does:
 * training became non-deterministic and then NaN. Capping oneDNN at AVX picks kernels that are
 * correct and, measured on that machine, no slower. oneDNN reads {@value #ONEDNN_ISA} from the
 * process environment, so it is set there (through libc) unless the user chose a value.
 */
public final class NativeEngine {

  public static final String OFFLINE_PROPERTY = "ai.djl.offline";
  public static final String ONEDNN_ISA = "DNNL_MAX_CPU_ISA";
  static final String SAFE_ISA = "AVX";

  private NativeEngine() {}

  /** Applies both settings unless the user set them; idempotent. */
  public static void configure() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
    if (System.getenv(ONEDNN_ISA) == null && Platform.isLinux()) {
      LibC.INSTANCE.setenv(ONEDNN_ISA, SAFE_ISA, 0);
    }
  }

  /** The ISA cap oneDNN will see, as the native environment holds it (null when unset). */
  public static String oneDnnIsa() {
    return Platform.isLinux() ? LibC.INSTANCE.getenv(ONEDNN_ISA) : System.getenv(ONEDNN_ISA);
  }

  private interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int setenv(String name, String value, int overwrite);

    String getenv(String name);
  }
}
