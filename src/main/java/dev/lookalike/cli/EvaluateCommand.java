package dev.lookalike.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.app.Components;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.eval.Evaluation;
import dev.lookalike.eval.EvaluationReport;
import dev.lookalike.eval.EvaluationSources;
import dev.lookalike.eval.EvaluationSplit;
import dev.lookalike.eval.MethodResult;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.Expansion;
import dev.lookalike.generative.GenerativeModelMissingException;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.search.NeighbourExpansion;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures retrieval quality of the model against baselines with the standard protocol. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "mAP@1000, P@10, P@100 of the model's codes and of PCA / PCA-ITQ / raw-pixel baselines, "
            + "test queries against the training set (or held-out images of a labelled folder tree, "
            + "--data), relevant = same label.")
@Dependent
@Unremovable
public class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Inject ObjectMapper json;

  @Option(
      names = "--dataset",
      defaultValue = "fashion-mnist",
      description = "Only fashion-mnist for now.")
  String dataset;

  @Option(
      names = "--data-dir",
      description = "Directory of the IDX files (default: lookalike.dataset.fashion-mnist-dir).")
  Path dataDir;

  @Option(
      names = "--data",
      description =
          "A labelled folder tree instead of --dataset: one sub-folder per label; a seeded sample "
              + "of --queries images is held out as queries, the rest is the database.")
  Path folder;

  @Option(
      names = "--queries-from",
      description =
          "Cross-collection: query with the images of this folder against every image of --data "
              + "(nothing held out); relevant as --match says.")
  Path queriesFrom;

  @Option(
      names = "--match",
      defaultValue = "label",
      converter = EnumConverters.MatchConverter.class,
      description =
          "With --queries-from: label (same sub-folder name) or name (same file name without "
              + "extension, e.g. the same subject in another rendering style).")
  EvaluationSources.Match match;

  @Option(
      names = "--edited-copies",
      description =
          "Instead of the usual queries: this many edited copies (crop, small rotation, "
              + "brightness/contrast, resampling, JPEG) of database images, searched against the "
              + "database; relevant = the original only (hit@1 = original found first).")
  Integer editedCopies;

  @Option(
      names = "--model",
      description = "Model directory written by train (default: the shipped model).")
  Path model;

  @Option(
      names = "--queries",
      description =
          "Queries, a seeded sample (default: all 10,000 Fashion-MNIST test images; a fifth of a "
              + "--data folder, at most 2,000; every image of --queries-from).")
  Integer queries;

  @Option(
      names = "--database-limit",
      description = "Use only the first N training images as database.")
  Integer databaseLimit;

  @Option(
      names = "--served-rows",
      defaultValue = "true",
      negatable = true,
      fallbackValue = "true",
      description =
          "Add each index mode's k = 10 row: every query searched again at k = 10, timed "
              + "(--no-served-rows skips them).")
  boolean servedRows;

  @Option(
      names = "--no-index",
      description = "Skip the Lucene modes (quick ablations of the codes only).")
  boolean noIndex;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--expand",
      description = "Also measure query expansion with this many VAE variants per query.")
  Integer expand;

  @Option(
      names = "--expand-temperature",
      defaultValue = "0.5",
      description = "Temperature of the expansion variants.")
  float expandTemperature;

  @Option(
      names = "--vae",
      description = "VAE for --expand (default: lookalike.vae.dir or the shipped VAE).")
  Path vae;

  @Option(
      names = "--split",
      defaultValue = "test",
      converter = EnumConverters.SplitConverter.class,
      description =
          "test: test queries against the training set (the standard protocol, for reporting). "
              + "validation: the images the model held out in training as queries against the images it trained on "
              + "(for choosing between models without touching the test set).")
  EvaluationSplit split;

  @Option(
      names = "--bits",
      split = ",",
      description = "Also measure ITQ codes of these lengths, e.g. 32,128.")
  List<Integer> extraBits = new ArrayList<>();

  @Option(
      names = "--aqe",
      description = "Also measure α-query-expansion re-ranking: depth[:α], e.g. 10:3.")
  String aqe;

  @Option(names = "--json", description = "Print one JSON object per method.")
  boolean asJson;

  @Override
  public Integer call() throws IOException {
    if (!dataset.equals(FashionMnist.SCHEME)) {
      throw new IllegalArgumentException(
          "unknown dataset '" + dataset + "'; supported: " + FashionMnist.SCHEME);
    }
    if (editedCopies != null && editedCopies < 1) {
      throw new IllegalArgumentException(
          "--edited-copies must be at least 1, got: " + editedCopies);
    }
    if (queries != null && queries < 1) {
      throw new IllegalArgumentException("--queries must be at least 1, got: " + queries);
    }
    if (folder != null && split != EvaluationSplit.TEST) {
      throw new IllegalArgumentException(
          "--split " + split.id() + " is for --dataset; --data holds out --queries images");
    }
    if (queriesFrom != null && folder == null) {
      throw new IllegalArgumentException("--queries-from needs --data, the folder to search");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = dataDir != null ? dataDir : components.fashionMnistDir();
    EvaluationReport report;
    List<String> labels;
    try (CodeModel codeModel = components.openModel(model);
        NDManager manager = NDManager.newBaseManager();
        VaeModel generative =
            expand == null
                ? null
                : components.openVae(vae).orElseThrow(GenerativeModelMissingException::new)) {
      ImagePipeline pipeline = ImagePipeline.withDefaults(codeModel.spec());
      BiConsumer<Path, String> skipped =
          (file, reason) -> err.println("skipped " + file + ": " + reason);
      EvaluationSplit.Data data =
          (folder == null
                  ? split.load(dir, codeModel.manifest().training())
                  : queriesFrom == null
                      ? EvaluationSources.heldOut(folder, pipeline, queries, seed, skipped)
                      : EvaluationSources.crossCollection(
                          folder, queriesFrom, match, pipeline, skipped))
              .limitDatabase(databaseLimit);
      if (editedCopies != null) {
        data = EvaluationSources.editedCopies(data.database(), editedCopies, seed, pipeline);
      }
      int queryCount = queries != null ? queries : data.queries().size();
      labels = data.database().labelNames();
      Evaluation evaluation =
          new Evaluation(
              codeModel,
              components.scratchIndexes(),
              components.searchParams(null, 0, null, null),
              manager,
              line -> {
                err.println(line);
                err.flush();
              },
              generative == null ? null : new Augmenter(generative),
              expand == null ? null : new Expansion(expand, expandTemperature, seed),
              new Evaluation.Extras(
                  extraBits, aqe == null ? null : parseAqe(aqe), components.copyCheck()));
      report =
          evaluation.run(
              data.database(),
              data.queries(),
              queryCount,
              seed,
              noIndex
                  ? Evaluation.IndexRows.NONE
                  : servedRows
                      ? Evaluation.IndexRows.RANKED_AND_SERVED
                      : Evaluation.IndexRows.RANKED);
    }
    if (asJson) {
      for (MethodResult method : report.methods()) {
        out.println(json.writeValueAsString(method));
      }
      return 0;
    }
    String source =
        editedCopies != null
            ? "edited copies of " + (folder == null ? report.dataset() : folder)
            : folder == null
                ? "dataset=" + report.dataset() + " split=" + split.id()
                : queriesFrom == null
                    ? "data="
                        + folder
                        + " "
                        + EvaluationTable.labels(labels)
                        + " (queries held out)"
                    : "data=" + folder + " queries-from=" + queriesFrom + " match=" + match.id();
    EvaluationTable.print(out, source, report);
    return 0;
  }

  private static NeighbourExpansion parseAqe(String spec) {
    String[] parts = spec.split(":");
    try {
      return new NeighbourExpansion(
          Integer.parseInt(parts[0].strip()),
          parts.length > 1 ? Float.parseFloat(parts[1].strip()) : 3f);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--aqe must be depth[:α], e.g. 10:3; got: " + spec);
    }
  }
}
