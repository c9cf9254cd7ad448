package dev.lookalike.image;

/**
 * Loads the OpenCV native library once per JVM.
 *
 * <p>Every class here that touches OpenCV calls {@link #ensureLoaded()} in its constructor, so
 * callers never have to remember. {@code nu.pattern.OpenCV.loadLocally()} is used because {@code
 * loadShared()} is refused on Java 12 and later. A failed load is reported again on the next call
 * rather than being remembered as a {@code NoClassDefFoundError}.
 */
public final class OpenCvLoader {

  private static final Object LOCK = new Object();
  private static volatile boolean loaded;

  private OpenCvLoader() {}

  /**
   * Loads the native library if this JVM has not yet; safe to call from any thread, any number of
   * times.
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (LOCK) {
      if (loaded) {
        return;
      }
      try {
        nu.pattern.OpenCV.loadLocally();
      } catch (RuntimeException | LinkageError e) {
        throw new IllegalStateException(
            "the OpenCV native library could not be loaded: " + e.getMessage(), e);
      }
      loaded = true;
    }
  }
}
