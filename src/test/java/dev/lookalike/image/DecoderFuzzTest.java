package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over format sniffing, header parsing and decoding: the path every upload
 * takes ({@link ImagePipeline#prepare(byte[])}). Every input must be decoded or refused with an
 * {@link InvalidImageException} — no other exception, no JVM crash, none slower than 2 s — and
 * native memory must not grow with the inputs.
 *
 * <p>CI runs {@value #DEFAULT_ITERATIONS} inputs; the report run asks for more with {@code
 * -Dfuzz.iterations=1000000}, and {@code -Dtests.seed=N} replays one run. Inputs that fail are
 * written to {@code target/fuzz-failures}.
 */
class DecoderFuzzTest {

  private static final int DEFAULT_ITERATIONS = 3000;
  private static final long SLOW_NANOS = 2_000_000_000L;
  private static final int[] INTERESTING = {0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x10000};

  private final ImagePipeline pipeline =
      new ImagePipeline(ImageLimits.defaults(), ImageSpec.grey(28), Thumbnailer.DEFAULT_MAX_SIDE);

  @Test
  void everyMutatedInputIsDecodedOrRefusedQuicklyWithoutGrowingMemory() throws IOException {
    int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.printf(
        Locale.ROOT, "DecoderFuzzTest: %d inputs, -Dtests.seed=%d%n", iterations, seed);
    Random random = new Random(seed);
    List<byte[]> seeds = new ArrayList<>();
    HostileInputs.valid().forEach(c -> seeds.add(c.bytes()));
    seeds.add(TestImages.pngHeaderOnly(64, 64));
    seeds.add(TestImages.jpegHeaderOnly(64, 64));
    seeds.add(TestImages.tiffHeaderOnly(64, 64));
    seeds.add(TestImages.bmpHeaderOnly(64, 64));
    seeds.add(TestImages.webpVp8xHeaderOnly(64, 64));

    TreeMap<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long slowest = 0;
    List<Long> checkpoints = new ArrayList<>();
    long rssAfterWarmUp = 0;
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      if (i > 0 && i % Math.max(1, iterations / 8) == 0) {
        long outside = outsideHeap();
        checkpoints.add(outside / 1048576);
        if (i == iterations / 4 || rssAfterWarmUp == 0 && i >= iterations / 4) {
          rssAfterWarmUp = outside;
        }
      }
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
      long t0 = System.nanoTime();
      String outcome;
      try {
        pipeline.prepare(input);
        outcome = "decoded";
      } catch (InvalidImageException e) {
        outcome = "refused " + e.reason();
      } catch (RuntimeException | Error e) {
        outcome = "FAILED " + e.getClass().getSimpleName();
        failures.add(save(i, input) + ": " + e);
      }
      long nanos = System.nanoTime() - t0;
      slowest = Math.max(slowest, nanos);
      if (nanos > SLOW_NANOS) {
        failures.add(save(i, input) + ": took " + nanos / 1_000_000 + " ms");
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    long rssGrowth = outsideHeap() - rssAfterWarmUp;
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "DecoderFuzzTest: %d inputs in %.1f s (%.0f/s), slowest %.1f ms, growth of the memory"
            + " outside the Java heap after warm-up %.1f MB (MB at each eighth: %s), outcomes %s%n",
        iterations,
        seconds,
        iterations / seconds,
        slowest / 1e6,
        rssGrowth / 1048576.0,
        checkpoints,
        outcomes);

    assertEquals(List.of(), failures, "replay with -Dtests.seed=" + seed);
    assertTrue(outcomes.getOrDefault("decoded", 0) > 0, "mutations kept some inputs decodable");
    assertTrue(outcomes.size() > 2, "mutations reached several refusals: " + outcomes);
    assertTrue(rssGrowth < 128L * 1024 * 1024, "native memory grew " + rssGrowth + " bytes");
  }

  /** One to four random edits of a seed: the classic byte-level mutations. */
  static byte[] mutate(byte[] seed, List<byte[]> seeds, Random random) {
    byte[] data = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && data.length > 0; e++) {
      int at = random.nextInt(data.length);
      data =
          switch (random.nextInt(7)) {
            case 0 -> flipBit(data, at, random);
            case 1 -> setByte(data, at, INTERESTING[random.nextInt(INTERESTING.length)]);
            case 2 -> setInt(data, at, INTERESTING[random.nextInt(INTERESTING.length)] * 37);
            case 3 -> Arrays.copyOf(data, at); // truncate
            case 4 -> remove(data, at, 1 + random.nextInt(Math.min(64, data.length - at)));
            case 5 -> duplicate(data, at, 1 + random.nextInt(Math.min(64, data.length - at)));
            default -> splice(data, at, seeds.get(random.nextInt(seeds.size())), random);
          };
    }
    return data;
  }

  private static byte[] flipBit(byte[] data, int at, Random random) {
    data[at] ^= (byte) (1 << random.nextInt(8));
    return data;
  }

  private static byte[] setByte(byte[] data, int at, int value) {
    data[at] = (byte) value;
    return data;
  }

  private static byte[] setInt(byte[] data, int at, int value) {
    for (int b = 0; b < 4 && at + b < data.length; b++) {
      data[at + b] = (byte) (value >>> (24 - 8 * b));
    }
    return data;
  }

  private static byte[] remove(byte[] data, int at, int length) {
    byte[] out = new byte[data.length - length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(data, at + length, out, at, data.length - at - length);
    return out;
  }

  private static byte[] duplicate(byte[] data, int at, int length) {
    byte[] out = new byte[data.length + length];
    System.arraycopy(data, 0, out, 0, at + length);
    System.arraycopy(data, at, out, at + length, data.length - at);
    return out;
  }

  private static byte[] splice(byte[] data, int at, byte[] other, Random random) {
    int from = random.nextInt(other.length);
    byte[] out = Arrays.copyOf(data, at + other.length - from);
    System.arraycopy(other, from, out, at, other.length - from);
    return out;
  }

  private static String save(int iteration, byte[] input) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      return Files.write(dir.resolve("input-" + iteration + ".bin"), input).toString();
    } catch (IOException e) {
      return "input " + iteration + " (not saved: " + e.getMessage() + ")";
    }
  }

  /**
   * Resident memory outside the Java heap (native: OpenCV's buffers, the JIT, thread stacks): the
   * heap grows and shrinks with garbage, a native leak only grows.
   */
  private static long outsideHeap() {
    System.gc();
    return residentBytes() - Runtime.getRuntime().totalMemory();
  }

  /** The process's resident set from /proc, or 0 where there is none. */
  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: the memory check is skipped
    }
    return 0;
  }
}
