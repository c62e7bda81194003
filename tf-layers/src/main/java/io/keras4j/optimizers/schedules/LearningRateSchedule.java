package io.keras4j.optimizers.schedules;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The learning rate as a function of the optimizer's step: Keras' {@code
 * keras.optimizers.schedules.LearningRateSchedule}. An optimizer evaluates it at its iteration
 * count before incrementing it, so the first update uses {@code call(tf, 0)}.
 *
 * <p>Implementations are records whose components are the Keras config keys, registered in {@link
 * io.keras4j.serialization.KerasRegistry} under {@code Category.SCHEDULE} with their Keras class
 * names.
 *
 * <pre>{@code
 * LearningRateSchedule lr = ExponentialDecay.of(0.05, 3, 0.7);
 * Optimizer sgd = new SGD(SGDConfig.builder().learningRate(lr).build());
 * }</pre>
 */
public interface LearningRateSchedule {

  /**
   * The learning rate at {@code step}, a float32 scalar (Keras computes in the dtype of the float
   * {@code initial_learning_rate}, float32).
   *
   * @param step the optimizer's iteration count, an integer scalar
   */
  Operand<TFloat32> call(Ops tf, Operand<? extends TNumber> step);
}
