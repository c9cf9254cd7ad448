package dev.lookalike.eval;

import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageEdits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.linalg.SeededSampling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/** The database and queries of an evaluation on the user's own folders. */
public final class EvaluationSources {

  /** Held-out queries when the user gives no count: a fifth of the folder, at most this many. */
  static final int MAX_DEFAULT_QUERIES = 2000;

  private EvaluationSources() {}

  /** What makes a database image relevant to a query from another folder. */
  public enum Match {
    /** The same label: both folders hold one sub-folder per label, matched by folder name. */
    LABEL,
    /** The same file name without extension: the same subject in another rendering or edit. */
    NAME;

    public static Match parse(String value) {
      String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
      for (Match match : values()) {
        if (match.name().equals(wanted)) {
          return match;
        }
      }
      throw new IllegalArgumentException("--match must be label or name, got: " + value);
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A labelled folder tree split into a database and held-out queries.
   *
   * @param queries how many to hold out; null for a fifth of the images, at most {@value
   *     #MAX_DEFAULT_QUERIES}
   */
  public static EvaluationSplit.Data heldOut(
      Path folder,
      ImagePipeline pipeline,
      Integer queries,
      long seed,
      BiConsumer<Path, String> skipped) {
    LabeledImages images = LabeledFolder.load(folder, pipeline, skipped);
    int count =
        queries != null ? queries : Math.max(1, Math.min(MAX_DEFAULT_QUERIES, images.size() / 5));
    return EvaluationSplit.Data.holdOut(images, count, seed);
  }

  /**
   * Every image of {@code database} searched with the images of {@code queries}, another
   * collection; queries with no relevant image in the database are left out.
   */
  public static EvaluationSplit.Data crossCollection(
      Path database,
      Path queries,
      Match match,
      ImagePipeline pipeline,
      BiConsumer<Path, String> skipped) {
    if (!Files.isDirectory(queries)) { // before reading a large database for nothing
      throw new IllegalArgumentException("no such folder: " + queries);
    }
    LabeledImages searched = load(database, match, pipeline, skipped);
    LabeledImages asked = load(queries, match, pipeline, skipped).alignedTo(searched);
    if (asked.size() == 0) {
      throw new IllegalArgumentException(
          "no image in " + queries + " has a match (" + match.id() + ") in " + database);
    }
    return new EvaluationSplit.Data(searched, asked);
  }

  /**
   * Edited copies of {@code count} seeded images of a collection (see {@link ImageEdits}) as
   * queries against the whole collection, each image its own label: relevant = its original only,
   * so hit@1 is the share of copies whose original comes back first.
   */
  public static EvaluationSplit.Data editedCopies(
      LabeledImages collection, int count, long seed, ImagePipeline pipeline) {
    int n = collection.size();
    List<String> names = IntStream.range(0, n).mapToObj(collection::uri).toList();
    LabeledImages database =
        new LabeledImages(
            collection.name(), collection.images(), IntStream.range(0, n).toArray(), names);
    int[] originals = SeededSampling.sampleIds(n, Math.min(count, n), seed);
    ImageEdits edits = new ImageEdits(seed);
    List<FloatImage> copies = new ArrayList<>(originals.length);
    for (int id : originals) {
      copies.add(pipeline.toInput(edits.copyOf(collection.images().get(id))));
    }
    return new EvaluationSplit.Data(
        database,
        new LabeledImages("edited copies of " + collection.name(), copies, originals, names));
  }

  private static LabeledImages load(
      Path folder, Match match, ImagePipeline pipeline, BiConsumer<Path, String> skipped) {
    return match == Match.NAME
        ? LabeledFolder.loadByName(folder, pipeline, skipped)
        : LabeledFolder.load(folder, pipeline, skipped);
  }
}
