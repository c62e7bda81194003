package io.keras4j.optimizers;

import io.keras4j.layers.Weight;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Updates trainable weights from their gradients with Keras 3's update rules: Keras' {@code
 * keras.optimizers.Optimizer}. The optimizer's variables (the iteration counter, the learning rate,
 * per-weight slots such as Adam's momentums) have Keras' names and order, so that a {@code .keras}
 * file's {@code optimizer/vars} load into them and training resumes where Python left off.
 *
 * <p>The built-in optimizers extend {@link BaseOptimizer}: a class whose settings are a config
 * record beside it ({@link SGD} and {@link SGDConfig}), which is what Keras JSON reads and writes.
 *
 * <pre>{@code
 * Optimizer sgd = new SGD(SGDConfig.builder().learningRate(0.1).momentum(0.9).build());
 * sgd.build(trainableWeights);
 * Op step = sgd.apply(tf, gradients, trainableWeights);
 * }</pre>
 */
public interface Optimizer {

  /**
   * Creates the per-weight variables for these trainable weights, once, in Keras' order; a second
   * call does nothing, as in Keras.
   */
  void build(List<Weight> trainable);

  /** The optimizer's name, as Keras' {@code optimizer.name} ({@code "adam"}, ...). */
  default String name() {
    return io.keras4j.internal.Naming.toSnakeCase(getClass().getSimpleName());
  }

  /**
   * All variables in Keras' order ({@code optimizer/vars/0}, {@code 1}, ...): {@code iteration},
   * {@code learning_rate} (absent when a schedule computes it), then the slots created by {@link
   * #build}. Like model weights, they are initialized from their initializers in a new graph.
   */
  List<Weight> variables();

  /**
   * The ops of one training step, as Keras' {@code optimizer.apply(grads, vars)}: gradient
   * clipping, weight decay, the update rule, the weights' constraints, then the iteration count.
   * Builds the optimizer on first use. In a graph, every update runs after every given gradient has
   * been computed and after the control dependencies of {@code tf}, and the returned op after every
   * update.
   *
   * @param gradients one per weight, in the order of {@code weights}; a {@code null} gradient skips
   *     its weight, as Keras skips a {@code None} gradient
   */
  Op apply(Ops tf, List<@Nullable Operand<?>> gradients, List<Weight> weights);

  /**
   * {@link #apply}, for gradients that see the weights only through values read before the step, as
   * the gradients of a forward pass do (the control dependencies of {@code tf} must order the step
   * after those reads): each weight then changes as soon as its own gradient (every gradient, under
   * {@code global_clipnorm}) is computed, so that the updates overlap the rest of the backward
   * pass. TensorFlow copies a variable that is updated while a value read from it is still in use,
   * so the gradients keep seeing the values of the forward pass.
   */
  default Op applyAfterReads(Ops tf, List<@Nullable Operand<?>> gradients, List<Weight> weights) {
    return apply(tf, gradients, weights);
  }

  /**
   * The learning rate of the current step: the variable's value, or the schedule's value at the
   * iteration count (read anew: run it apart from {@link #apply}'s op to see a definite step).
   */
  Operand<?> learningRate(Ops tf);

  /** The step counter, Keras' {@code optimizer.iterations}: {@code variables().get(0)}. */
  default Weight iterations() {
    return variables().get(0);
  }

  /**
   * The float32 variable that holds a constant learning rate, which callbacks such as {@code
   * ReduceLROnPlateau} assign; empty when a schedule computes the learning rate.
   */
  default Optional<Weight> learningRateVariable() {
    return Optional.empty();
  }
}
