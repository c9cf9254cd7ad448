package dev.lookalike.index;

/**
 * The index holds codes of another model than the one in use. Codes of two models live in different
 * spaces, so mixing them would silently return nonsense.
 */
public final class ModelMismatchException extends RuntimeException {

  public ModelMismatchException(ModelIdentity indexed, ModelIdentity inUse) {
    super(
        "the index was built with model "
            + indexed
            + " but the model in use is "
            + inUse
            + "; re-index with this model into an empty index directory, or use the model that built it");
  }
}
