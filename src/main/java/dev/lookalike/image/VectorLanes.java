package dev.lookalike.image;

/**
 * The one loop that the blur's taps and the copy sketches' scores spend their time in, on the
 * Vector API where the JVM has it ({@link PanamaTaps}) and as a plain loop otherwise.
 */
public final class VectorLanes {

  /**
   * Whether the Vector API is there: every launch this project documents adds it, and the
   * vectorised loop takes about a third of the plain loop's time.
   */
  private static final boolean PANAMA =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private VectorLanes() {}

  /**
   * {@code sums[j] += tap * values[j + offset]} for j in [0, n), the same to the bit either way.
   */
  public static void addScaled(float[] sums, float[] values, int offset, float tap, int n) {
    if (PANAMA) {
      PanamaTaps.addScaled(sums, values, offset, tap, n);
      return;
    }
    for (int j = 0; j < n; j++) {
      sums[j] += tap * values[j + offset];
    }
  }
}
