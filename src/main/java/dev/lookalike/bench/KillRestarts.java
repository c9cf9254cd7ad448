package dev.lookalike.bench;

import dev.lookalike.app.PackagedApp;
import dev.lookalike.app.ServerProcess;
import dev.lookalike.client.ServerClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code kill -9} of a server under concurrent uploads, round after round: each round uploaders add
 * distinct images for a random time, the server is killed mid-load, the index it leaves must pass
 * {@code CheckIndex}, and after the restart every upload answered 201 so far, in any round, must be
 * there. An orderly stop ends the run, and the final index is checked again.
 */
public final class KillRestarts {

  /**
   * @param rounds kills (and restarts)
   * @param uploaders concurrent upload clients
   * @param shortestLoad the least time uploads run before a kill
   * @param longestLoad the most time uploads run before a kill
   * @param seed the random load times
   */
  public record Settings(
      int rounds, int uploaders, Duration shortestLoad, Duration longestLoad, long seed) {

    public Settings {
      if (rounds < 1 || uploaders < 1) {
        throw new IllegalArgumentException(
            "rounds and uploaders must be positive, got " + rounds + " and " + uploaders);
      }
      if (shortestLoad.isNegative()
          || shortestLoad.isZero()
          || longestLoad.compareTo(shortestLoad) < 0) {
        throw new IllegalArgumentException(
            "the load before a kill needs 0 < shortest <= longest, got "
                + shortestLoad
                + " and "
                + longestLoad);
      }
    }
  }

  /** One kill: uploads acknowledged before it, and acknowledged uploads missing after it. */
  public record Round(int number, double loadSeconds, int acknowledged, int missing) {}

  /** The run: its rounds, and the images in the index after the orderly stop. */
  public record Report(List<Round> rounds, long finalCount) {

    public int acknowledged() {
      return rounds.stream().mapToInt(Round::acknowledged).sum();
    }

    /** Acknowledged uploads missing after any restart. */
    public int missing() {
      return rounds.stream().mapToInt(Round::missing).sum();
    }
  }

  private final Path index;
  private final int port;
  private final Path serverLog;
  private final List<byte[]> images;
  private final Settings settings;
  private final Consumer<String> lines;
  private final String run = UUID.randomUUID().toString();

  public KillRestarts(
      Path index,
      int port,
      Path serverLog,
      List<byte[]> images,
      Settings settings,
      Consumer<String> lines) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images to upload");
    }
    this.index = index;
    this.port = port;
    this.serverLog = serverLog;
    this.images = List.copyOf(images);
    this.settings = settings;
    this.lines = lines;
  }

  public Report run() throws IOException, InterruptedException {
    Random random = new Random(settings.seed());
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicLong next = new AtomicLong();
    List<Round> rounds = new ArrayList<>();
    lines.accept("round  load s  acknowledged  all acknowledged  missing after restart");
    ServerProcess server = start();
    try {
      for (int round = 1; round <= settings.rounds(); round++) {
        long load =
            settings.shortestLoad().toMillis()
                + (long)
                    (random.nextDouble()
                        * (settings.longestLoad().toMillis() - settings.shortestLoad().toMillis()));
        int before = acknowledged.size();
        uploadThenKill(server, load, acknowledged, next);
        PackagedApp.checkedCount(index); // what the kill left: the last commit is clean
        server = start(); // applies the write-ahead log
        int missing = missing(server.client(), acknowledged);
        Round done = new Round(round, load / 1000.0, acknowledged.size() - before, missing);
        rounds.add(done);
        lines.accept(
            String.format(
                Locale.ROOT,
                "%5d %7.1f %13d %17d %22d",
                round,
                done.loadSeconds(),
                done.acknowledged(),
                acknowledged.size(),
                missing));
      }
    } finally {
      server.close();
    }
    return new Report(List.copyOf(rounds), PackagedApp.checkedCount(index));
  }

  private ServerProcess start() throws IOException, InterruptedException {
    return ServerProcess.start(index, port, serverLog, Optional.empty());
  }

  private void uploadThenKill(
      ServerProcess server, long loadMillis, Queue<String> acknowledged, AtomicLong next)
      throws InterruptedException {
    ServerClient client = server.client();
    ExecutorService uploaders = Executors.newFixedThreadPool(settings.uploaders());
    try {
      for (int u = 0; u < settings.uploaders(); u++) {
        uploaders.execute(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long n = next.getAndIncrement();
                try {
                  client
                      .add(images.get((int) (n % images.size())), "kill:" + run + "/" + n)
                      .ifPresent(acknowledged::add);
                } catch (IOException | InterruptedException e) {
                  return; // the server is gone: this upload was never acknowledged
                }
              }
            });
      }
      Thread.sleep(loadMillis);
      server.kill();
    } finally {
      uploaders.shutdownNow();
      uploaders.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /** Looks every acknowledged id up, from as many clients as there are uploaders. */
  private int missing(ServerClient client, Queue<String> acknowledged)
      throws IOException, InterruptedException {
    List<String> ids = List.copyOf(acknowledged);
    ExecutorService lookups = Executors.newFixedThreadPool(settings.uploaders());
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      int step = settings.uploaders();
      for (int first = 0; first < step; first++) {
        int from = first;
        parts.add(
            lookups.submit(
                () -> {
                  int missing = 0;
                  for (int i = from; i < ids.size(); i += step) {
                    missing += client.exists(ids.get(i)) ? 0 : 1;
                  }
                  return missing;
                }));
      }
      int missing = 0;
      for (Future<Integer> part : parts) {
        missing += part.get();
      }
      return missing;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      lookups.shutdownNow();
    }
  }
}
