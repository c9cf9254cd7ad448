package dev.lookalike.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.TrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lookalike.encoder.Devices;

/** Sets up DJL training the same way for every network Lookalike trains. */
final class Trainers {

  private Trainers() {}

  /** A model on the preferred device holding {@code block}, with the engine's RNG seeded. */
  static Model newModel(String name, Block block, long seed) {
    Device device = Devices.preferred();
    Engine.getInstance().setRandomSeed((int) seed);
    Model model = Model.newInstance(name, device);
    model.setBlock(block);
    return model;
  }

  /** Adam with a fixed learning rate on the model's device. */
  static TrainingConfig adam(Loss loss, float learningRate, Model model) {
    return new DefaultTrainingConfig(loss)
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
        .optDevices(new Device[] {model.getNDManager().getDevice()});
  }
}
