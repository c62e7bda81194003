package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.keras4j.initializers.Constant;
import io.keras4j.layers.Weight;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Adaptive gradient: Keras' {@code keras.optimizers.Adagrad}. With an accumulator {@code a} per
 * weight, starting at {@code initial_accumulator_value}:
 *
 * <pre>
 * a = a + g^2
 * w = w - lr * g / sqrt(a + epsilon)
 * </pre>
 *
 * <p>Variables: {@code iteration}, {@code learning_rate}, then one {@code accumulator} per weight.
 *
 * <pre>{@code
 * Optimizer adagrad = new Adagrad(AdagradConfig.builder().learningRate(0.1).build());
 * }</pre>
 */
public final class Adagrad extends BaseOptimizer<AdagradConfig> {

  private List<Weight> accumulators = List.of();

  /** Keras' defaults: {@code learning_rate=0.001, initial_accumulator_value=0.1}. */
  public Adagrad() {
    this(AdagradConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Adagrad(AdagradConfig config) {
    super(config);
  }

  @Override
  protected void createVariables(List<Weight> trainable) {
    accumulators =
        addOptimizerVariables(
            trainable, "accumulator", new Constant(getConfig().initialAccumulatorValue()));
  }

  @Override
  protected <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> g, Weight w, Operand<T> lr) {
    Weight a = slot(accumulators, w);
    Operand<T> aNew = tf.math.add(a.<T>read(tf), tf.math.mul(g, g));
    Operand<T> denominator =
        tf.math.sqrt(tf.math.add(aNew, scalar(tf, getConfig().epsilon(), g.type())));
    return List.of(
        assign(tf, a, aNew), assignSub(tf, w, tf.math.div(tf.math.mul(g, lr), denominator)));
  }
}
