package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.keras4j.layers.Weight;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Gradient descent with momentum: Keras' {@code keras.optimizers.SGD}. With {@code momentum = 0},
 * {@code w = w - lr * g}; otherwise, with a velocity {@code m} per weight:
 *
 * <pre>
 * m = momentum * m - lr * g
 * w = w + m                              (nesterov = false)
 * w = (w - lr * g) + momentum * m        (nesterov = true)
 * </pre>
 *
 * <p>Variables: {@code iteration}, {@code learning_rate}, then one {@code momentum} per weight when
 * {@code momentum != 0}.
 *
 * <pre>{@code
 * Optimizer sgd =
 *     new SGD(SGDConfig.builder().learningRate(0.05).momentum(0.9).nesterov(true).build());
 * }</pre>
 */
public final class SGD extends BaseOptimizer<SGDConfig> {

  private List<Weight> momentums = List.of();

  /** Keras' defaults: {@code learning_rate=0.01}, no momentum. */
  public SGD() {
    this(SGDConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SGD(SGDConfig config) {
    super(config);
  }

  @Override
  protected void createVariables(List<Weight> trainable) {
    if (getConfig().momentum() != 0) {
      momentums = addOptimizerVariables(trainable, "momentum");
    }
  }

  @Override
  protected <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> g, Weight w, Operand<T> lr) {
    if (momentums.isEmpty()) {
      // One fused kernel, in place, with Keras' two float32 roundings: w - (g * lr).
      return List.of(tf.train.resourceApplyGradientDescent(w.handle(tf), lr, g));
    }
    Weight m = slot(momentums, w);
    Operand<T> mu = scalar(tf, getConfig().momentum(), g.type());
    Operand<T> lrG = tf.math.mul(g, lr);
    Operand<T> velocity = tf.math.sub(tf.math.mul(m.<T>read(tf), mu), lrG);
    Op updateW;
    if (getConfig().nesterov()) {
      // Keras parity (torch backend): two roundings, w - lr * g, then + momentum * m.
      Operand<T> value = w.read(tf);
      updateW = assign(tf, w, tf.math.add(tf.math.sub(value, lrG), tf.math.mul(velocity, mu)));
    } else {
      updateW = assignAdd(tf, w, velocity);
    }
    return List.of(assign(tf, m, velocity), updateW);
  }
}
