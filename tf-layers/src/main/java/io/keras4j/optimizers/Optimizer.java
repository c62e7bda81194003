package io.keras4j.optimizers;

import io.keras4j.layers.Weight;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Updates trainable weights from their gradients with Keras 3's update rules: Keras' {@code
 * keras.optimizers.Optimizer}. Implementations are records of the Keras config; their variables
 * (the iteration counter, the learning rate, per-weight slots such as Adam's momentums) are
 * created by {@link #build} with Keras' names and order, so that a {@code .keras} file's {@code
 * optimizer/vars} load into them and training resumes where Python left off.
 */
public interface Optimizer {

  /** Creates the optimizer's variables for these trainable weights, once, in Keras' order. */
  void build(List<Weight> trainable);

  /** All variables in Keras' order ({@code optimizer/vars/0}, {@code 1}, ...), after {@link #build}. */
  List<Weight> variables();

  /**
   * The ops of one training step, as Keras' {@code optimizer.apply(grads, vars)}: gradient
   * clipping, weight decay, the update rule, the weights' constraints, and the iteration count.
   *
   * @param gradients one per weight, in the order of {@code weights}
   */
  Op apply(Ops tf, List<Operand<?>> gradients, List<Weight> weights);

  /** The learning rate of the current step (a schedule's value where one is configured). */
  Operand<?> learningRate(Ops tf);
}
