package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Root-mean-square propagation: Keras' {@code keras.optimizers.RMSprop}. With a velocity {@code v}
 * per weight, an average gradient {@code a} when {@code centered} and a momentum {@code m} when
 * {@code momentum > 0}:
 *
 * <pre>
 * v = rho * v + (1 - rho) * g^2
 * a = rho * a + (1 - rho) * g                      (centered)
 * d = sqrt(v + epsilon)  or  sqrt(v + epsilon - a^2)  (centered)
 * m = momentum * m + lr * g / d;  w = w - m        (momentum > 0)
 * w = w - lr * g / d                               (otherwise)
 * </pre>
 *
 * <p>Variables: {@code iteration}, {@code learning_rate}, one {@code velocity} per weight, then one
 * {@code momentum} per weight when {@code momentum > 0}, then one {@code average_gradient} per
 * weight when {@code centered}.
 *
 * <pre>{@code
 * Optimizer rms = new RMSprop(
 *     RMSpropConfig.builder().learningRate(0.01).rho(0.8).momentum(0.5).centered(true).build());
 * }</pre>
 */
public final class RMSprop extends BaseOptimizer<RMSpropConfig> {

  private List<Weight> velocities = List.of();
  private List<Weight> momentums = List.of();
  private List<Weight> averageGradients = List.of();

  /** Keras' defaults: {@code learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-7}. */
  public RMSprop() {
    this(RMSpropConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RMSprop(RMSpropConfig config) {
    super(config);
  }

  @Override
  protected void createVariables(List<Weight> trainable) {
    velocities = addOptimizerVariables(trainable, "velocity");
    if (getConfig().momentum() > 0) {
      momentums = addOptimizerVariables(trainable, "momentum");
    }
    if (getConfig().centered()) {
      averageGradients = addOptimizerVariables(trainable, "average_gradient");
    }
  }

  @Override
  protected <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> g, Weight w, Operand<T> lr) {
    RMSpropConfig c = getConfig();
    Class<T> t = g.type();
    Operand<T> rho = scalar(tf, c.rho(), t);
    Operand<T> oneMinusRho = scalar(tf, 1 - c.rho(), t);
    List<Op> ops = new ArrayList<>();

    Weight v = slot(velocities, w);
    Operand<T> vNew =
        tf.math.add(tf.math.mul(v.<T>read(tf), rho), tf.math.mul(tf.math.mul(g, g), oneMinusRho));
    ops.add(assign(tf, v, vNew));
    // Keras parity (torch backend): epsilon is added to v before the centering term is removed.
    Operand<T> denominator = tf.math.add(vNew, scalar(tf, c.epsilon(), t));
    if (c.centered()) {
      Weight a = slot(averageGradients, w);
      Operand<T> aNew = tf.math.add(tf.math.mul(a.<T>read(tf), rho), tf.math.mul(g, oneMinusRho));
      ops.add(assign(tf, a, aNew));
      denominator = tf.math.sub(denominator, tf.math.mul(aNew, aNew));
    }
    Operand<T> increment = tf.math.div(tf.math.mul(g, lr), tf.math.sqrt(denominator));
    if (c.momentum() > 0) {
      Weight m = slot(momentums, w);
      Operand<T> mNew =
          tf.math.add(tf.math.mul(m.<T>read(tf), scalar(tf, c.momentum(), t)), increment);
      ops.add(assign(tf, m, mNew));
      ops.add(assignSub(tf, w, mNew));
    } else {
      ops.add(assignSub(tf, w, increment));
    }
    return ops;
  }
}
