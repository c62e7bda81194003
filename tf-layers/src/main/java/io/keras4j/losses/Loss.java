package io.keras4j.losses;

import io.keras4j.internal.Naming;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A training objective: Keras' {@code keras.losses.Loss}. {@link #call} computes the unreduced
 * losses (Keras' {@code Loss.call}); {@link #apply} weights them by sample weights and reduces them
 * as Keras' {@code Loss.__call__} does with the loss's {@link #reduction}.
 *
 * <p>Implementations are records whose components are the Keras config keys, registered in {@link
 * io.keras4j.serialization.KerasRegistry} under their Keras class names; the loss functions Keras
 * serializes by name ({@code "mean_squared_error"}) are {@link LossFunction}s. {@link
 * Losses#get(String)} resolves the names {@code compile} accepts.
 *
 * <pre>{@code
 * Loss loss = CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build();
 * Operand<TFloat32> value = loss.apply(tf, yTrue, logits, null);
 * }</pre>
 */
public interface Loss {

  /**
   * The unreduced losses for a batch, usually one per sample: the targets are cast to the dtype of
   * the predictions, and their ranks matched as Keras' {@code LossFunctionWrapper} does.
   *
   * @param yTrue targets (integer class ids for sparse losses)
   * @param yPred predictions, of the compute dtype
   */
  <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred);

  /**
   * Keras' loss value for a batch: {@link #call}, weighted by {@code sampleWeight} when given and
   * reduced with {@link #reduction} by {@link Reduction#reduceWeightedValues} (the default {@code
   * sum_over_batch_size} divides the weighted sum by the number of elements).
   */
  default <T extends TFloating> Operand<T> apply(
      Ops tf, Operand<?> yTrue, Operand<T> yPred, @Nullable Operand<T> sampleWeight) {
    Ops scope = tf.withSubScope(Naming.opName(name()));
    return Reduction.reduceWeightedValues(
        scope, call(scope, yTrue, yPred), sampleWeight, null, reduction());
  }

  /** The loss's name, Keras' {@code name} (the snake-case class name unless configured). */
  default String name() {
    return Naming.toSnakeCase(getClass().getSimpleName());
  }

  /**
   * How {@link #apply} reduces: one of Keras' reductions (see {@link Reduction}), {@code null} for
   * none.
   */
  default @Nullable String reduction() {
    return Reduction.SUM_OVER_BATCH_SIZE;
  }
}
