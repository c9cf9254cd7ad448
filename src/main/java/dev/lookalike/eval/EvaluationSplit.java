package dev.lookalike.eval;

import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.training.TrainingReport;
import java.nio.file.Path;
import java.util.Locale;

/** Which images are queries and which the database. */
public enum EvaluationSplit {
  /** Test queries against the training set: the standard protocol, for reporting. */
  TEST,
  /**
   * The images the model held out in training as queries against the images it trained on: for
   * choosing between models without touching the test set.
   */
  VALIDATION;

  /**
   * The database and the queries.
   *
   * @param database the images searched
   * @param queries the labelled query images
   */
  public record Data(LabeledImages database, LabeledImages queries) {

    /**
     * A seeded sample of {@code count} of the images as queries, the others as the database: held
     * out, so no query can retrieve itself.
     */
    public static Data holdOut(LabeledImages images, int count, long seed) {
      if (count < 1 || count >= images.size()) {
        throw new IllegalArgumentException(
            "--queries must be between 1 and "
                + (images.size() - 1)
                + " so that "
                + images.name()
                + " ("
                + images.size()
                + " images) keeps a database, got: "
                + count);
      }
      int[] ids = SeededSampling.sampleIds(images.size(), count, seed);
      return new Data(images.without(ids), images.select(ids));
    }

    /** Only the first {@code limit} database images, or all for null. */
    public Data limitDatabase(Integer limit) {
      return limit == null ? this : new Data(database.head(limit), queries);
    }
  }

  /** Parses {@code test} or {@code validation}, ignoring case. */
  public static EvaluationSplit parse(String name) {
    String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    for (EvaluationSplit split : values()) {
      if (split.name().equals(wanted)) {
        return split;
      }
    }
    throw new IllegalArgumentException("--split must be test or validation, got: " + name);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The split of Fashion-MNIST in {@code directory} for a model trained as {@code training}
   * records; for {@link #VALIDATION} the model must have been trained on its training split.
   */
  public Data load(Path directory, TrainingReport<?> training) {
    LabeledImages train = FashionMnist.load(directory, FashionMnist.Split.TRAIN);
    return switch (this) {
      case TEST -> new Data(train, FashionMnist.load(directory, FashionMnist.Split.TEST));
      case VALIDATION -> {
        int[] heldOut = training.validationIds(train.size());
        yield new Data(train.without(heldOut), train.select(heldOut));
      }
    };
  }
}
