package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.generative.AugmentationFiles;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.GenerativeModelMissingException;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes VAE variants of an image as PNG files. */
@Command(
    name = "augment",
    mixinStandardHelpOptions = true,
    description =
        "Sample variants of each IMAGE from the VAE's posterior and write them as PNG files; "
            + "--sheet also draws originals, variants, an interpolation and prior samples on one PNG.")
@Dependent
@Unremovable
public class AugmentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Parameters(arity = "1..*", paramLabel = "IMAGE")
  List<Path> images;

  @Option(names = "-n", defaultValue = "8", description = "Variants to write (1-64).")
  int n;

  @Option(names = "--out", required = true, description = "Directory for the PNG files.")
  Path out;

  @Option(
      names = "--vae",
      description = "VAE directory written by train --variant vae (default: lookalike.vae.dir).")
  Path vae;

  @Option(
      names = "--temperature",
      defaultValue = "1.0",
      description = "Spread around the posterior (0-5).")
  float temperature;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--sheet",
      description =
          "Also write a contact sheet PNG: a row per image (original, variants), "
              + "an interpolation from the first to the last image, and samples from the prior.")
  Path sheet;

  @Override
  public Integer call() throws IOException {
    PrintWriter printer = spec.commandLine().getOut();
    try (VaeModel model =
        components.openVae(vae).orElseThrow(GenerativeModelMissingException::new)) {
      ImagePipeline pipeline =
          new ImagePipeline(components.imageLimits(), model.spec(), model.spec().size());
      List<FloatImage> inputs = new ArrayList<>(images.size());
      for (Path image : images) {
        inputs.add(ImageArguments.decode(image, pipeline::toInput));
      }
      AugmentationFiles files = new AugmentationFiles(new Augmenter(model));
      for (Path file : files.write(inputs, n, temperature, seed, out, sheet)) {
        printer.println(file);
      }
    }
    return 0;
  }
}
