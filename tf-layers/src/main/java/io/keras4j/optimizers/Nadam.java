package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.keras4j.initializers.Ones;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Adam with Nesterov momentum: Keras' {@code keras.optimizers.Nadam}. At step {@code t} (from 1),
 * with {@code u_t = beta_1 * (1 - 0.5 * 0.96^t)} and the running product {@code P_t = u_1 * ... *
 * u_t}, a momentum {@code m} and a velocity {@code v} per weight:
 *
 * <pre>
 * m = beta_1 * m + (1 - beta_1) * g
 * v = beta_2 * v + (1 - beta_2) * g^2
 * m_hat = u_{t+1} * m / (1 - P_t * u_{t+1}) + (1 - u_t) * g / (1 - P_t)
 * v_hat = v / (1 - beta_2^t)
 * w = w - lr * m_hat / (sqrt(v_hat) + epsilon)
 * </pre>
 *
 * <p>Variables: {@code iteration}, {@code learning_rate}, {@code momentum} and {@code velocity}
 * interleaved per weight, then the scalar {@code u_product} ({@code P}, starting at 1, of the first
 * weight's dtype). Keras names the last one {@code variable}; files store it by position.
 *
 * <pre>{@code
 * Optimizer nadam = new Nadam(NadamConfig.builder().learningRate(0.002).build());
 * }</pre>
 */
public final class Nadam extends BaseOptimizer<NadamConfig> {

  private List<Weight> momentums = List.of();
  private List<Weight> velocities = List.of();
  private @Nullable Weight uProduct;

  /** Keras' defaults: {@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7}. */
  public Nadam() {
    this(NadamConfig.builder().build());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Nadam(NadamConfig config) {
    super(config);
  }

  @Override
  protected void createVariables(List<Weight> trainable) {
    List<List<Weight>> slots = addOptimizerVariables(trainable, List.of("momentum", "velocity"));
    momentums = slots.get(0);
    velocities = slots.get(1);
    uProduct =
        addVariable(
            "u_product",
            Shape.scalar(),
            trainable.isEmpty() ? TFloat32.class : trainable.get(0).dtype(),
            new Ones());
  }

  /** The factors of one step, shared by every weight. */
  private record Factors<T extends TFloating>(
      Operand<T> uT, Operand<T> uT1, Operand<T> uProductT, Operand<T> uProductT1) {}

  @Override
  protected List<Op> updateSteps(
      Ops tf,
      List<Operand<? extends TFloating>> gradients,
      List<Weight> weights,
      Operand<TFloat32> learningRate) {
    Weight p = uProduct;
    if (p == null) {
      throw new IllegalStateException("Nadam '" + name() + "' is not built");
    }
    List<Op> ops = new ArrayList<>();
    Factors<?> f = factors(tf, p, floating(p), ops);
    for (int i = 0; i < weights.size(); i++) {
      ops.addAll(step(tf, gradients.get(i), weights.get(i), learningRate, f));
    }
    return ops;
  }

  /** Advances {@code u_product} (into {@code ops}) and returns this step's factors. */
  private <T extends TFloating> Factors<T> factors(Ops tf, Weight p, Class<T> t, List<Op> ops) {
    Operand<T> beta1 = scalar(tf, getConfig().beta1(), t);
    Operand<T> decay = scalar(tf, 0.96, t);
    Operand<T> one = scalar(tf, 1.0, t);
    Operand<T> half = scalar(tf, 0.5, t);
    Operand<T> uT =
        tf.math.mul(
            beta1, tf.math.sub(one, tf.math.mul(half, tf.math.pow(decay, localStep(tf, t)))));
    Operand<T> uT1 =
        tf.math.mul(
            beta1,
            tf.math.sub(one, tf.math.mul(half, tf.math.pow(decay, plusIterations(tf, 2, t)))));
    Operand<T> uProductT = tf.math.mul(p.<T>read(tf), uT);
    Operand<T> uProductT1 = tf.math.mul(uProductT, uT1);
    ops.add(assign(tf, p, uProductT));
    return new Factors<>(uT, uT1, uProductT, uProductT1);
  }

  private <T extends TFloating> List<Op> step(
      Ops tf, Operand<T> g, Weight w, Operand<TFloat32> learningRate, Factors<?> shared) {
    NadamConfig c = getConfig();
    Class<T> t = g.type();
    Operand<T> lr = cast(tf, learningRate, t);
    Operand<T> uT = cast(tf, shared.uT(), t);
    Operand<T> uT1 = cast(tf, shared.uT1(), t);
    Operand<T> uProductT = cast(tf, shared.uProductT(), t);
    Operand<T> uProductT1 = cast(tf, shared.uProductT1(), t);
    Operand<T> one = scalar(tf, 1.0, t);
    Operand<T> beta2Power = tf.math.pow(scalar(tf, c.beta2(), t), localStep(tf, t));

    Weight m = slot(momentums, w);
    Weight v = slot(velocities, w);
    Operand<T> mNew =
        tf.math.add(
            tf.math.mul(m.<T>read(tf), scalar(tf, c.beta1(), t)),
            tf.math.mul(g, scalar(tf, 1 - c.beta1(), t)));
    Operand<T> vNew =
        tf.math.add(
            tf.math.mul(v.<T>read(tf), scalar(tf, c.beta2(), t)),
            tf.math.mul(tf.math.mul(g, g), scalar(tf, 1 - c.beta2(), t)));
    Operand<T> mHat =
        tf.math.add(
            tf.math.div(tf.math.mul(mNew, uT1), tf.math.sub(one, uProductT1)),
            tf.math.div(tf.math.mul(g, tf.math.sub(one, uT)), tf.math.sub(one, uProductT)));
    Operand<T> vHat = tf.math.div(vNew, tf.math.sub(one, beta2Power));
    Operand<T> update =
        tf.math.div(
            tf.math.mul(mHat, lr), tf.math.add(tf.math.sqrt(vHat), scalar(tf, c.epsilon(), t)));
    return List.of(assign(tf, m, mNew), assign(tf, v, vNew), assignSub(tf, w, update));
  }

  @Override
  protected <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> gradient, Weight weight, Operand<T> learningRate) {
    // Every step goes through updateSteps, which shares u_product's factors between weights.
    throw new UnsupportedOperationException("Nadam updates all weights together");
  }
}
