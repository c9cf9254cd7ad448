package dev.lookalike.training;

import ai.djl.Model;
import ai.djl.nn.Block;
import java.util.List;

/**
 * A network fresh from training, still holding its weights in memory; close it when done.
 *
 * @param history one record per epoch
 * @param trainImages how many images it trained on
 * @param validationIds the ids of the images it held out, in the order they were drawn
 * @param <E> the per-epoch record of its trainer
 */
public record TrainedNetwork<E extends EpochTiming>(
    Model model, List<E> history, int trainImages, int[] validationIds) implements AutoCloseable {

  public TrainedNetwork {
    history = List.copyOf(history);
    validationIds = validationIds.clone();
  }

  public Block block() {
    return model.getBlock();
  }

  @Override
  public int[] validationIds() {
    return validationIds.clone();
  }

  @Override
  public void close() {
    model.close();
  }
}
