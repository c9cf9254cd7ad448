package dev.lookalike.training;

/**
 * What training wrote, and which images it held out.
 *
 * @param manifest the contents of the model directory's {@code model.json}
 * @param validationIds the ids of the images the trainer actually held out, in draw order
 * @param <M> the manifest type of the architecture
 */
public record TrainingResult<M extends Record>(M manifest, int[] validationIds) {

  public TrainingResult {
    if (manifest == null) {
      throw new IllegalArgumentException("manifest is required");
    }
    validationIds = validationIds.clone();
  }

  @Override
  public int[] validationIds() {
    return validationIds.clone();
  }
}
