package dev.lookalike.cli;

import dev.lookalike.app.Components;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.GenerativeModelMissingException;
import dev.lookalike.image.ContactSheet;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.Thumbnailer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
      Augmenter augmenter = new Augmenter(model);
      Thumbnailer png = new Thumbnailer(Thumbnailer.LIMIT_MAX_SIDE);
      Files.createDirectories(out);
      List<List<FloatImage>> rows = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        FloatImage input = ImageArguments.decode(images.get(i), pipeline::toInput);
        List<FloatImage> variants = augmenter.augment(input, n, temperature, seed);
        for (int v = 0; v < variants.size(); v++) {
          String name =
              images.size() == 1
                  ? String.format("variant-%02d.png", v)
                  : String.format("image-%02d-variant-%02d.png", i, v);
          Path file = out.resolve(name);
          Files.write(file, png.pngFromFloatImage(variants.get(v)));
          printer.println(file);
        }
        List<FloatImage> row = new ArrayList<>(List.of(input));
        row.addAll(variants);
        rows.add(row);
      }
      if (sheet != null) {
        FloatImage first = rows.get(0).get(0);
        FloatImage last = rows.get(rows.size() - 1).get(0);
        rows.add(augmenter.interpolate(first, last, n + 1));
        rows.add(augmenter.sample(n + 1, temperature, seed));
        Files.write(sheet, png.pngFromFloatImage(ContactSheet.compose(rows, 3)));
        printer.println(sheet);
      }
    }
    return 0;
  }
}
