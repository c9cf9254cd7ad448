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
 * @param sketchReach how many of the dense code's nearest images are looked through by their {@link
 *     dev.lookalike.image.CopySketch}es for {@link #SKETCHED} more candidates (0 = none): the dense
 *     code's first 30 hold the original of about nine copies in ten, its first 200 of 98 in 100
 */
public record CopyCheck(int candidates, float threshold, float margin, int sketchReach) {

  /** The defaults of {@code lookalike.search.copy-check.*}; chosen on the validation split. */
  public static final int DEFAULT_CANDIDATES = 30;

  /** A string, as configuration defaults are. */
  public static final String DEFAULT_THRESHOLD = "0.7";

  public static final String DEFAULT_MARGIN = "0";

  public static final int MAX_CANDIDATES = 200;

  public static final int DEFAULT_SKETCH_REACH = 200;

  public static final int MAX_SKETCH_REACH = 1000;

  /** How many of the sketches' best join the candidates. */
  public static final int SKETCHED = 10;

  public static final CopyCheck DEFAULT =
      new CopyCheck(
          DEFAULT_CANDIDATES,
          Float.parseFloat(DEFAULT_THRESHOLD),
          Float.parseFloat(DEFAULT_MARGIN),
          DEFAULT_SKETCH_REACH);

  public static final CopyCheck OFF = new CopyCheck(0, 1, 0, 0);

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
    if (sketchReach < 0 || sketchReach > MAX_SKETCH_REACH) {
      throw new IllegalArgumentException(
          "copy-check sketch-reach must be in [0, " + MAX_SKETCH_REACH + "], got: " + sketchReach);
    }
  }

  /** A check that needs no margin over the other candidates and looks through no sketches. */
  public CopyCheck(int candidates, float threshold) {
    this(candidates, threshold, 0, 0);
  }

  /** Whether the sketches of the dense code's images beyond the candidates are looked through. */
  public boolean sketches() {
    return enabled() && sketchReach > candidates;
  }

  public boolean enabled() {
    return candidates > 1;
  }
}
