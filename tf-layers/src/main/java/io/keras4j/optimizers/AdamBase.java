package io.keras4j.optimizers;

import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Adam's update rule, which {@link Adam} and {@link AdamW} share (AdamW adds weight decay). */
abstract class AdamBase<C extends OptimizerConfig & AdamSettings> extends BaseOptimizer<C> {

  private List<Weight> momentums = List.of();
  private List<Weight> velocities = List.of();
  private List<Weight> velocityHats = List.of();

  AdamBase(C config) {
    super(config);
  }

  @Override
  protected void createVariables(List<Weight> trainable) {
    List<List<Weight>> slots = addOptimizerVariables(trainable, List.of("momentum", "velocity"));
    momentums = slots.get(0);
    velocities = slots.get(1);
    if (getConfig().amsgrad()) {
      velocityHats = addOptimizerVariables(trainable, "velocity_hat");
    }
  }

  @Override
  protected <T extends TFloating> List<Op> updateStep(
      Ops tf, Operand<T> g, Weight w, Operand<T> lr) {
    C c = getConfig();
    Class<T> t = g.type();
    Operand<T> one = scalar(tf, 1, t);
    Operand<T> step = localStep(tf, t);
    Operand<T> beta1Power = tf.math.pow(scalar(tf, c.beta1(), t), step);
    Operand<T> beta2Power = tf.math.pow(scalar(tf, c.beta2(), t), step);
    Operand<T> alpha =
        tf.math.div(
            tf.math.mul(lr, tf.math.sqrt(tf.math.sub(one, beta2Power))),
            tf.math.sub(one, beta1Power));

    Weight m = slot(momentums, w);
    Weight v = slot(velocities, w);
    // Keras parity (torch backend): m * beta + (1 - beta) * g, with 1 - beta rounded once.
    Operand<T> mNew =
        tf.math.add(
            tf.math.mul(m.<T>read(tf), scalar(tf, c.beta1(), t)),
            tf.math.mul(g, scalar(tf, 1 - c.beta1(), t)));
    Operand<T> vNew =
        tf.math.add(
            tf.math.mul(v.<T>read(tf), scalar(tf, c.beta2(), t)),
            tf.math.mul(tf.math.mul(g, g), scalar(tf, 1 - c.beta2(), t)));
    List<Op> ops = new ArrayList<>();
    ops.add(assign(tf, m, mNew));
    ops.add(assign(tf, v, vNew));
    Operand<T> denominatorV = vNew;
    if (c.amsgrad()) {
      Weight vHat = slot(velocityHats, w);
      denominatorV = tf.math.maximum(vHat.<T>read(tf), vNew);
      ops.add(assign(tf, vHat, denominatorV));
    }
    Operand<T> update =
        tf.math.div(
            tf.math.mul(mNew, alpha),
            tf.math.add(tf.math.sqrt(denominatorV), scalar(tf, c.epsilon(), t)));
    ops.add(assignSub(tf, w, update));
    return ops;
  }
}
