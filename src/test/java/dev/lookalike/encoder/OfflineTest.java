package dev.lookalike.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that Lookalike's model code never opens a network connection: the PyTorch native library
 * comes from the Maven dependency and DJL runs offline (left online, DJL calls an EC2 metadata
 * address and a telemetry host at engine start).
 *
 * <p>Each case runs {@link OfflineProbe} in a fresh JVM under {@code strace -e trace=connect},
 * which sees every connect(2) of every thread, including native code and connections that bypass
 * Java's proxy selection. The application's own offline setting is what is tested: the probe gets
 * no DJL_OFFLINE variable.
 */
class OfflineTest {

  @Test
  void trainingAndEncodingMakeNoNetworkConnection(@TempDir Path dir) throws Exception {
    List<String> connects = internetConnects(traced(dir, List.of()));
    assertEquals(List.of(), connects, "the model code path connected to the network");
  }

  @Test
  void theTraceSeesAConnectionWhenOneIsMade(@TempDir Path dir) throws Exception {
    // Only to loopback: shows the detector would catch a connection, without leaving the machine.
    List<String> connects = internetConnects(traced(dir, List.of("--loopback-check")));
    assertTrue(
        connects.stream().anyMatch(line -> line.contains("127.0.0.1")), "strace saw: " + connects);
  }

  private static List<String> internetConnects(List<String> trace) {
    return trace.stream()
        .filter(
            line ->
                line.contains("connect(")
                    && (line.contains("AF_INET") || line.contains("AF_INET6")))
        .toList();
  }

  private static List<String> traced(Path dir, List<String> args)
      throws IOException, InterruptedException {
    Path strace = Path.of("/usr/bin/strace");
    assertTrue(
        Files.isExecutable(strace),
        "this test needs strace (apt-get install strace; .ci/run installs it)");
    Path log = dir.resolve("connect.trace");
    List<String> command =
        new ArrayList<>(
            List.of(strace.toString(), "-f", "-e", "trace=connect", "-o", log.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OfflineProbe.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("DJL_OFFLINE");
    builder.environment().remove(NativeEngine.ONEDNN_ISA);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "probe timed out");
    assertEquals(0, process.exitValue(), output);
    return Files.readAllLines(log);
  }
}
