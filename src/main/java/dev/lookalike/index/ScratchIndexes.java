package dev.lookalike.index;

import java.io.IOException;

/**
 * Fresh, empty indexes of the configured engine that vanish when closed: what {@code evaluate}
 * measures the engine's own search modes on, whichever engine serves.
 *
 * @param engine the engine's name, for the rows of a report ("Lucene", "OpenSearch")
 * @param opener opens one
 */
public record ScratchIndexes(String engine, Opener opener) {

  /** Opens a fresh index for codes of a model. */
  @FunctionalInterface
  public interface Opener {
    ImageIndex open(ModelIdentity model) throws IOException;
  }

  public ImageIndex open(ModelIdentity model) throws IOException {
    return opener.open(model);
  }
}
