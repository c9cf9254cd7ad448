package dev.lookalike.training;

import ai.djl.Model;
import ai.djl.nn.Block;
import java.util.List;

/**
 * An autoencoder fresh from training, still holding its weights in memory; close it when done.
 *
 * @param <E> the per-epoch record of its trainer
 */
public record TrainedAutoencoder<E extends EpochTiming>(
    Model model, List<E> history, int trainImages, int validationImages) implements AutoCloseable {

  public TrainedAutoencoder {
    history = List.copyOf(history);
  }

  public Block block() {
    return model.getBlock();
  }

  @Override
  public void close() {
    model.close();
  }
}
