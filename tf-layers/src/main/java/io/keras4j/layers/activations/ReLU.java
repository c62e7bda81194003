package io.keras4j.layers.activations;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.family.TNumber;

/**
 * The rectified linear unit with Keras' options, element-wise. Keras' {@code keras.layers.ReLU}:
 *
 * <pre>
 * f(x) = max_value                          if x >= max_value
 * f(x) = x                                  if threshold < x < max_value
 * f(x) = negative_slope * (x - threshold)   otherwise
 * </pre>
 *
 * <p>Input and output have the same shape. No weights; masks pass through.
 *
 * <pre>{@code
 * ReLU relu6 = new ReLU(ReLUConfig.builder().maxValue(6.0).build());
 * KerasTensor y = relu6.apply(Input.of(8));
 * }</pre>
 */
public final class ReLU extends Layer {

  private final ReLUConfig config;

  public ReLU(ReLUConfig config) {
    this(config, LayerArgs.defaults());
  }

  public ReLU(ReLUConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return relu(tf, Tensors.numeric(input));
  }

  /** Keras' {@code activations.relu} op, branch for branch, so results match it exactly. */
  private <T extends TNumber> Operand<T> relu(Ops tf, Operand<T> x) {
    double slope = config.negativeSlope();
    Double maxValue = config.maxValue();
    double threshold = config.threshold();
    Operand<T> negativePart = null;
    if (slope != 0.0) {
      if (maxValue == null && threshold == 0.0) {
        return tf.nn.leakyRelu(x, LeakyRelu.alpha((float) slope));
      }
      Operand<T> shifted =
          threshold != 0.0 ? tf.math.add(tf.math.neg(x), scalar(tf, threshold, x)) : tf.math.neg(x);
      negativePart = tf.nn.relu(shifted);
    }
    boolean clipMax = maxValue != null;
    Operand<T> y;
    if (threshold != 0.0) {
      y = tf.select(tf.math.greater(x, scalar(tf, threshold, x)), x, tf.zerosLike(x));
    } else if (maxValue != null && maxValue == 6.0) {
      y = tf.nn.relu6(x);
      clipMax = false;
    } else {
      y = tf.nn.relu(x);
    }
    if (clipMax) {
      y = tf.math.minimum(tf.math.maximum(y, tf.zerosLike(y)), scalar(tf, maxValue, y));
    }
    if (negativePart != null) {
      y = tf.math.sub(y, tf.math.mul(scalar(tf, slope, y), negativePart));
    }
    return y;
  }

  /** A scalar of {@code like}'s dtype. */
  private static <T extends TNumber> Operand<T> scalar(Ops tf, double value, Operand<T> like) {
    return tf.dtypes.cast(tf.constant(value), like.type());
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public ReLUConfig getConfig() {
    return config;
  }
}
