package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.app.GenerativeModelMissingException;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.image.Thumbnailer;
import dev.lookalike.model.Augmenter;
import dev.lookalike.model.VaeModel;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes VAE variants of an image as PNG files. */
@Command(name = "augment", mixinStandardHelpOptions = true,
    description = "Sample variants of IMAGE from the VAE's posterior and write them as PNG files.")
@Dependent
@Unremovable
public class AugmentCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Inject
  Components components;

  @Parameters(index = "0", paramLabel = "IMAGE")
  Path image;

  @Option(names = "-n", defaultValue = "8", description = "Variants to write (1-64).")
  int n;

  @Option(names = "--out", required = true, description = "Directory for the PNG files.")
  Path out;

  @Option(names = "--vae", description = "VAE directory written by train --variant vae (default: lookalike.vae.dir).")
  Path vae;

  @Option(names = "--temperature", defaultValue = "1.0", description = "Spread around the posterior (0-5).")
  float temperature;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter printer = spec.commandLine().getOut();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(image);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + image);
    }
    try (VaeModel model = components.openVae(vae).orElseThrow(GenerativeModelMissingException::new)) {
      ImagePipeline pipeline = new ImagePipeline(components.imageLimits(), model.spec(), model.spec().size());
      FloatImage input;
      try {
        input = pipeline.toInput(bytes);
      } catch (InvalidImageException e) {
        throw new IllegalArgumentException(image + ": " + e.getMessage(), e);
      }
      List<FloatImage> variants = new Augmenter(model).augment(input, n, temperature, seed);
      Files.createDirectories(out);
      Thumbnailer png = new Thumbnailer(Thumbnailer.LIMIT_MAX_SIDE);
      for (int i = 0; i < variants.size(); i++) {
        Path file = out.resolve(String.format("variant-%02d.png", i));
        Files.write(file, png.pngFromFloatImage(variants.get(i)));
        printer.println(file);
      }
    }
    return 0;
  }
}
