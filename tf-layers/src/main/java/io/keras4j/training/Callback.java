package io.keras4j.training;

import io.keras4j.models.Model;
import java.util.Map;

/**
 * Hooks into {@code fit}: Keras' {@code keras.callbacks.Callback}. Every method has an empty
 * default; {@code logs} map Keras' metric names to their current values.
 */
public interface Callback {

  /** Called once before training, with the model being trained. */
  default void onTrainBegin(Model model, Map<String, Double> logs) {}

  /** Called once after training, with the last epoch's values. */
  default void onTrainEnd(Model model, Map<String, Double> logs) {}

  default void onEpochBegin(Model model, int epoch, Map<String, Double> logs) {}

  /**
   * Called after each epoch with its training and validation values. The map is mutable: what a
   * callback adds (ReduceLROnPlateau's {@code learning_rate}) reaches the {@link History} and the
   * progress line, which come after every callback.
   */
  default void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {}

  default void onTrainBatchBegin(Model model, int batch, Map<String, Double> logs) {}

  /** Called after each batch with the running values of the epoch so far. */
  default void onTrainBatchEnd(Model model, int batch, Map<String, Double> logs) {}
}
