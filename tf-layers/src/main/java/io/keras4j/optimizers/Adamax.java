package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.keras4j.layers.Weight;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Adam with the infinity norm: Keras' {@code keras.optimizers.Adamax}. At step {@code t} (from 1),
 * with a momentum {@code m} and a norm {@code u} per weight:
 *
 * <pre>
 * m = beta_1 * m + (1 - beta_1) * g
 * u = max(beta_2 * u, |g|)
 * w = w - lr * m / ((u + epsilon) * (1 - beta_1^t))
 * </pre>
 *
 * <p>Variables: {@code iteration}, {@code learning_rate}, then {@code momentum} and {@code norm}
 * interleaved per weight.
 *
 * <pre>{@code
 * Optimizer adamax = new Adamax(AdamaxConfig.builder().learningRate(0.02).build());
 * }</pre>
 */
public final class Adamax extends BaseOptimizer<AdamaxConfig> {

  private List<Weight> momentums = List.of();
  private List<Weight> norms = List.of();

  /** Keras' defaults: {@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7}. */
  public Adamax() {
    this(AdamaxConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Adamax(AdamaxConfig config) {
    super(config);
  }

  @Override
  protected void createVariables(List<Weight> trainable) {
    List<List<Weight>> slots = addOptimizerVariables(trainable, List.of("momentum", "norm"));
    momentums = slots.get(0);
    norms = slots.get(1);
  }

  @Override
  protected <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> g, Weight w, Operand<T> lr) {
    AdamaxConfig c = getConfig();
    Class<T> t = g.type();
    Operand<T> beta1Power = tf.math.pow(scalar(tf, c.beta1(), t), localStep(tf, t));
    Weight m = slot(momentums, w);
    Weight u = slot(norms, w);
    Operand<T> mNew =
        tf.math.add(
            tf.math.mul(m.<T>read(tf), scalar(tf, c.beta1(), t)),
            tf.math.mul(g, scalar(tf, 1 - c.beta1(), t)));
    Operand<T> uNew =
        tf.math.maximum(tf.math.mul(u.<T>read(tf), scalar(tf, c.beta2(), t)), tf.math.abs(g));
    Operand<T> denominator =
        tf.math.mul(
            tf.math.add(uNew, scalar(tf, c.epsilon(), t)),
            tf.math.sub(scalar(tf, 1, t), beta1Power));
    return List.of(
        assign(tf, m, mNew),
        assign(tf, u, uNew),
        assignSub(tf, w, tf.math.div(tf.math.mul(mNew, lr), denominator)));
  }
}
