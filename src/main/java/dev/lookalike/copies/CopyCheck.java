package dev.lookalike.copies;

/**
 * How a search by image looks for an edited copy's original among its first hits.
 *
 * @param candidates how many of the mode's first hits, and of the dense code's nearest neighbours,
 *     are compared pixel by pixel with the query (0 = no check)
 * @param threshold the least {@link AlignedMatch} score that makes a hit the query's original
 * @param margin how far that score must stand above every other closely aligned candidate's: an
 *     original stands out from its near twins, while a query that is no copy can correlate about as
 *     well with several hits
 */
public record CopyCheck(int candidates, float threshold, float margin) {

  /** The defaults of {@code lookalike.search.copy-check.*}; chosen on the validation split. */
  public static final int DEFAULT_CANDIDATES = 30;

  /** A string, as configuration defaults are. */
  public static final String DEFAULT_THRESHOLD = "0.7";

  public static final String DEFAULT_MARGIN = "0";

  public static final int MAX_CANDIDATES = 200;

  public static final CopyCheck DEFAULT =
      new CopyCheck(
          DEFAULT_CANDIDATES,
          Float.parseFloat(DEFAULT_THRESHOLD),
          Float.parseFloat(DEFAULT_MARGIN));

  public static final CopyCheck OFF = new CopyCheck(0, 1, 0);

  public CopyCheck {
    if (candidates < 0 || candidates > MAX_CANDIDATES) {
      throw new IllegalArgumentException(
          "copy-check candidates must be in [0, " + MAX_CANDIDATES + "], got: " + candidates);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "copy-check threshold must be in [0, 1], got: " + threshold);
    }
    if (!(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException("copy-check margin must be in [0, 1], got: " + margin);
    }
  }

  /** A check that needs no margin over the other candidates. */
  public CopyCheck(int candidates, float threshold) {
    this(candidates, threshold, 0);
  }

  public boolean enabled() {
    return candidates > 1;
  }
}
