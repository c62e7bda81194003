package io.keras4j.losses;

import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A training objective: Keras' {@code keras.losses.Loss}. {@link #call} computes the unreduced
 * losses (Keras' {@code Loss.call}); {@link #apply} weights them by sample weights and reduces them
 * as Keras' {@code Loss.__call__} does with the loss's {@code reduction}.
 *
 * <p>Implementations are records whose components are the Keras config keys, registered in {@link
 * io.keras4j.serialization.KerasRegistry} under their Keras class names; the loss functions Keras
 * serializes by name ({@code "mean_squared_error"}) resolve to the same classes.
 */
public interface Loss {

  /**
   * The unreduced losses for a batch, usually one per sample.
   *
   * @param yTrue targets (integer class ids for sparse losses)
   * @param yPred predictions, of the compute dtype
   */
  <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred);

  /**
   * Keras' loss value for a batch: {@link #call}, weighted by {@code sampleWeight} when given and
   * reduced as Keras reduces (the default {@code sum_over_batch_size} divides the weighted sum by
   * the number of elements).
   */
  <T extends TFloating> Operand<T> apply(
      Ops tf, Operand<?> yTrue, Operand<T> yPred, @Nullable Operand<T> sampleWeight);
}
