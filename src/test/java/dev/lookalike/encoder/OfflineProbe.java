package dev.lookalike.encoder;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.training.ModelTraining;
import dev.lookalike.training.TinyImages;
import dev.lookalike.training.TrainingOptions;
import dev.lookalike.training.objective.Corruption;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the model code path (engine start, training, saving, loading, encoding) in a fresh JVM, so
 * that {@link OfflineTest} can watch its system calls. With {@code --loopback-check} it instead
 * connects to a server socket of its own on 127.0.0.1, to show that the watching works.
 */
public final class OfflineProbe {

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("--loopback-check")) {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        System.out.println("connected to " + client.getRemoteSocketAddress());
      }
      return;
    }
    Path dir = Files.createTempDirectory("offline-probe");
    ImageSpec spec = new ImageSpec(16, 1);
    var request =
        new ModelTraining.Request(
            "probe",
            spec,
            8,
            4,
            32,
            BinarizerMethod.MEDIAN,
            new TrainingOptions(1, 16, 0.003f, 0.25, 1, Corruption.parse("gaussian:0.3")),
            "probe");
    new ModelTraining().train(request, TinyImages.squares(32, 16, 1), dir, stats -> {});
    try (CodeModel model = CodeModel.load(ModelSource.directory(dir))) {
      model.codes(TinyImages.squares(4, 16, 2));
    }
    Thread.sleep(2000); // anything sent asynchronously after engine start has had time to start
    // The test starts this JVM without the oneDNN cap: the engine's own set-up must have set it.
    if (!"AVX".equals(NativeEngine.oneDnnIsa())) {
      System.out.println("oneDNN ISA cap not set: " + NativeEngine.oneDnnIsa());
      System.exit(3);
    }
    System.out.println("probe done");
  }
}
