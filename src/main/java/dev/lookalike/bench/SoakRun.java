package dev.lookalike.bench;

import dev.lookalike.client.ServerClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A soak of a running server: searches alone for a while (the idle latency), then searches, adds
 * and deletes together for the duration, reporting a line per interval with the server's resident
 * memory; at the end the server's count must equal what was acknowledged.
 *
 * <p>Every add uses a fresh URI, so no add replaces another, and an acknowledged image is deleted
 * at most once, so the expected count is exact. Clients finish the request in flight when time is
 * up, so nothing is acknowledged after the count is taken.
 */
public final class SoakRun {

  private final ServerClient client;
  private final List<byte[]> images;
  private final SoakSettings settings;
  private final Consumer<String> lines;
  private final String run = UUID.randomUUID().toString();

  public SoakRun(
      ServerClient client, List<byte[]> images, SoakSettings settings, Consumer<String> lines) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images to send");
    }
    this.client = client;
    this.images = List.copyOf(images);
    this.settings = settings;
    this.lines = lines;
  }

  public SoakReport run() throws IOException, InterruptedException {
    long before = client.count();
    SoakRecorder recorder = new SoakRecorder();
    List<SoakReport.Interval> intervals = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedDeque<String> acknowledged = new ConcurrentLinkedDeque<>();
    List<HttpRequest> searches = images.stream().map(i -> client.searchRequest(i, "k=10")).toList();
    long start = System.nanoTime();
    lines.accept(
        "   t s  phase   searches  p50 ms  p99 ms   adds  deletes  errors   server RSS MB");
    ExecutorService clients =
        Executors.newFixedThreadPool(settings.searchers() + settings.writers());
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int s = 0; s < settings.searchers(); s++) {
        clients.submit(() -> search(searches, recorder, stop));
      }
      long every = settings.interval().toMillis();
      reporter.scheduleAtFixedRate(
          () -> report(recorder, intervals, start), every, every, TimeUnit.MILLISECONDS);
      Thread.sleep(settings.idle().toMillis());
      recorder.loaded();
      for (int w = 0; w < settings.writers(); w++) {
        int writer = w;
        clients.submit(() -> write(writer, recorder, acknowledged, stop));
      }
      Thread.sleep(settings.duration().toMillis());
    } finally {
      stop.set(true);
      clients.shutdown();
      clients.awaitTermination(1, TimeUnit.MINUTES);
      reporter.shutdown();
      reporter.awaitTermination(1, TimeUnit.MINUTES);
    }
    report(recorder, intervals, start);
    long expected = before + recorder.totalAdds() - recorder.totalDeletes();
    long finalCount = client.count();
    lines.accept(
        String.format(
            Locale.ROOT,
            "count: %d before + %d acknowledged adds - %d acknowledged deletes = %d expected,"
                + " server has %d",
            before,
            recorder.totalAdds(),
            recorder.totalDeletes(),
            expected,
            finalCount));
    return new SoakReport(
        List.copyOf(intervals),
        recorder.p99Ms(false),
        recorder.p99Ms(true),
        recorder.totalErrors(),
        expected,
        finalCount,
        rssGrowth(intervals));
  }

  private void search(List<HttpRequest> searches, SoakRecorder recorder, AtomicBoolean stop) {
    Random random = ThreadLocalRandom.current();
    while (!stop.get()) {
      long t = System.nanoTime();
      boolean ok;
      try {
        ok = client.status(searches.get(random.nextInt(searches.size()))) == 200;
      } catch (IOException | InterruptedException e) {
        ok = false;
      }
      recorder.search(System.nanoTime() - t, ok);
    }
  }

  private void write(
      int writer,
      SoakRecorder recorder,
      ConcurrentLinkedDeque<String> acknowledged,
      AtomicBoolean stop) {
    Random random = ThreadLocalRandom.current();
    long start = System.nanoTime();
    for (long n = 0; !stop.get(); n++) {
      try {
        pace(start, n);
        byte[] image = images.get(random.nextInt(images.size()));
        var id = client.add(image, "soak:" + run + "/" + writer + "/" + n);
        if (id.isEmpty()) {
          recorder.error();
          continue;
        }
        acknowledged.add(id.get());
        recorder.add();
        if (random.nextDouble() < settings.deleteShare()) {
          String victim = acknowledged.pollFirst();
          if (victim != null && client.delete(victim)) {
            recorder.delete();
          } else if (victim != null) {
            recorder.error();
          }
        }
      } catch (IOException | InterruptedException e) {
        recorder.error();
      }
    }
  }

  /** Waits until add {@code n} is due, when the writers are paced. */
  private void pace(long start, long n) throws InterruptedException {
    if (settings.addRate() > 0) {
      long due = start + (long) (n * 1e9 / settings.addRate());
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
  }

  private void report(SoakRecorder recorder, List<SoakReport.Interval> intervals, long start) {
    SoakReport.Interval interval =
        recorder.drain((System.nanoTime() - start) / 1e9, residentBytes());
    synchronized (intervals) {
      intervals.add(interval);
    }
    lines.accept(
        String.format(
            Locale.ROOT,
            "%6.0f  %-6s %9d %7.2f %7.2f %6d %8d %7d %15s",
            interval.seconds(),
            interval.loaded() ? "loaded" : "idle",
            interval.searches(),
            interval.p50Ms(),
            interval.p99Ms(),
            interval.adds(),
            interval.deletes(),
            interval.errors(),
            interval.rssBytes() < 0
                ? "-"
                : String.format("%.0f", interval.rssBytes() / 1048576.0)));
  }

  /** Growth from the first loaded interval to the last, or NaN without memory readings. */
  static double rssGrowth(List<SoakReport.Interval> intervals) {
    List<SoakReport.Interval> loaded =
        intervals.stream().filter(i -> i.loaded() && i.rssBytes() > 0).toList();
    if (loaded.size() < 2) {
      return Double.NaN;
    }
    double first = loaded.get(0).rssBytes();
    return (loaded.get(loaded.size() - 1).rssBytes() - first) / first;
  }

  private long residentBytes() {
    if (settings.serverPid().isEmpty()) {
      return -1;
    }
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", "" + settings.serverPid().getAsLong(), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone or this is not Linux: no reading
    }
    return -1;
  }
}
