package dev.lookalike.cli;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.config.DatasetConfig;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.training.Recoding;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Refits a trained model's codes without training its network again. */
@Command(
    name = "recode",
    mixinStandardHelpOptions = true,
    description = {
      "Refit how a trained model turns latents into codes (dense projection, bits, binarizer) on"
          + " a sample of its training data, without training the network again; the result is a"
          + " new model directory (same weights, new model.json), so indexes of it are rebuilt"
          + " with reindex."
    })
@Dependent
@Unremovable
public class RecodeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject DatasetConfig dataset;

  @Option(names = "--model", required = true, description = "Model directory written by train.")
  Path model;

  @Option(names = "--out", required = true, description = "Directory of the recoded model.")
  Path out;

  @Option(
      names = "--dense-code",
      defaultValue = DenseCode.DEFAULT_NAME,
      converter = EnumConverters.DenseCodeConverter.class,
      description = "whitened, blended or unit, as for train. Default: ${DEFAULT-VALUE}.")
  DenseCode dense;

  @Option(names = "--bits", description = "Code length (default: the model's).")
  Integer bits;

  @Option(
      names = "--binarizer",
      converter = EnumConverters.BinarizerConverter.class,
      description = "itq, median or units (default: the model's).")
  BinarizerMethod binarizer;

  @Option(
      names = "--data",
      description = "Images to fit on (default: the training data named in model.json).")
  String data;

  @Option(
      names = "--data-dir",
      description =
          "Directory of the Fashion-MNIST IDX files "
              + "(default: lookalike.dataset.fashion-mnist-dir).")
  Path dataDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Recoding.Result result =
        new Recoding((file, reason) -> err.println("skipped " + file + ": " + reason))
            .recode(
                new Recoding.Request(
                    ModelSource.directory(model),
                    this.out,
                    dense,
                    bits,
                    binarizer,
                    data != null ? new DataSource(data) : null,
                    dataDir != null ? dataDir : dataset.fashionMnistDir(),
                    "lookalike "
                        + String.join(" ", spec.commandLine().getParseResult().originalArgs())));
    ModelManifest manifest = result.manifest();
    out.printf(
        Locale.ROOT,
        "wrote %s: dense code %s, %d-bit %s, fitted on %d images in %.1f s%n",
        this.out,
        DenseCode.of(manifest.coder()).name().toLowerCase(Locale.ROOT),
        manifest.bits(),
        manifest.binarizer().method(),
        result.fittedOn(),
        result.seconds());
    return 0;
  }
}
