package io.keras4j.activations;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Keras' built-in activation functions ({@code keras.activations}), each under the name Keras
 * serializes it as, with the arguments Keras uses when an activation is given by name.
 *
 * <p>Each constant computes what Keras 3's TensorFlow backend computes, with ops that have
 * registered gradients in TensorFlow Java. Softmax-like activations work on the last axis. {@link
 * #HARD_SIGMOID_KERAS2} is Keras 2's {@code hard_sigmoid}, which files written by Keras 2 mean;
 * {@link Activations#get(String, boolean)} picks it for them.
 *
 * <pre>{@code
 * Operand<TFloat32> y = BuiltinActivation.RELU6.call(tf, x);
 * Activation same = Activations.get("relu6");
 * }</pre>
 */
public enum BuiltinActivation implements Activation {

  /** {@code max(x, 0) + expm1(min(x, 0))}: Keras' {@code celu} with its default {@code alpha=1}. */
  CELU("celu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> zero = c(tf, x, 0);
      return tf.math.add(tf.math.maximum(x, zero), tf.math.expm1(tf.math.minimum(x, zero)));
    }
  },

  /** {@code x} for {@code x > 0}, {@code exp(x) - 1} otherwise: Keras' {@code elu}, alpha 1. */
  ELU("elu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.elu(x);
    }
  },

  /** {@code exp(x)}: Keras' {@code exponential}. */
  EXPONENTIAL("exponential") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.exp(x);
    }
  },

  /**
   * {@code 0.5 x (1 + erf(x / sqrt(2)))}: Keras' {@code gelu} by name, whose {@code approximate} is
   * {@code False} (the exact form, not the tanh approximation).
   */
  GELU("gelu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> cdf =
          tf.math.add(c(tf, x, 1), tf.math.erf(tf.math.div(x, c(tf, x, 1.4142135623730951))));
      return tf.math.mul(tf.math.mul(c(tf, x, 0.5), x), cdf);
    }
  },

  /**
   * {@code a * sigmoid(b)}, where {@code a} and {@code b} are the two halves of the last axis:
   * Keras' {@code glu}. The last axis must have an even size; the output has half of it.
   */
  GLU("glu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      int axis = lastAxis(x, "glu");
      long size = x.shape().get(axis);
      if (size != Shape.UNKNOWN_SIZE && size % 2 != 0) {
        throw new IllegalArgumentException(
            "glu: axis size must be divisible by 2. Received: x.shape="
                + x.shape()
                + " with axis=-1");
      }
      Split<T> halves = tf.split(tf.constant(axis), x, 2L);
      return tf.math.mul(halves.output().get(0), tf.math.sigmoid(halves.output().get(1)));
    }
  },

  /** {@code x} where {@code |x| > 0.5}, 0 elsewhere: Keras' {@code hard_shrink}. */
  HARD_SHRINK("hard_shrink") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.select(tf.math.greater(tf.math.abs(x), c(tf, x, 0.5)), x, tf.zerosLike(x));
    }
  },

  /** {@code relu6(x + 3) / 6}: Keras 3's {@code hard_sigmoid}. */
  HARD_SIGMOID("hard_sigmoid") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.div(tf.nn.relu6(tf.math.add(x, c(tf, x, 3))), c(tf, x, 6));
    }
  },

  /**
   * {@code clip(0.2 x + 0.5, 0, 1)}: Keras 2's {@code hard_sigmoid} (all backends, and tf.keras up
   * to TensorFlow 2.15), which Keras 3 replaced by {@link #HARD_SIGMOID}. Serialized as {@code
   * "hard_sigmoid"}, the name Keras 2 wrote.
   */
  HARD_SIGMOID_KERAS2("hard_sigmoid") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> y = tf.math.add(tf.math.mul(x, c(tf, x, 0.2)), c(tf, x, 0.5));
      return tf.clipByValue(y, c(tf, x, 0), c(tf, x, 1));
    }
  },

  /** {@code x * relu6(x + 3) / 6}: Keras' {@code hard_silu}, also named {@code hard_swish}. */
  HARD_SILU("hard_silu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.mul(x, HARD_SIGMOID.call(tf, x));
    }
  },

  /** {@code clip(x, -1, 1)}: Keras' {@code hard_tanh}. */
  HARD_TANH("hard_tanh") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.clipByValue(x, c(tf, x, -1), c(tf, x, 1));
    }
  },

  /**
   * {@code x} for {@code x >= 0}, {@code 0.2 x} otherwise: Keras' {@code leaky_relu} by name, whose
   * {@code negative_slope} is 0.2.
   */
  LEAKY_RELU("leaky_relu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.leakyRelu(x, LeakyRelu.alpha(0.2f));
    }
  },

  /** {@code x}: Keras' {@code linear}, also what {@code activation=None} means. */
  LINEAR("linear") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return x;
    }
  },

  /** {@code log(sigmoid(x)) = -softplus(-x)}: Keras' {@code log_sigmoid}. */
  LOG_SIGMOID("log_sigmoid") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.neg(tf.math.softplus(tf.math.neg(x)));
    }
  },

  /** {@code x - log(sum(exp(x)))} over the last axis: Keras' {@code log_softmax}. */
  LOG_SOFTMAX("log_softmax") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.logSoftmax(x);
    }
  },

  /** {@code x * tanh(softplus(x))}: Keras' {@code mish}. */
  MISH("mish") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.mul(x, tf.math.tanh(tf.math.softplus(x)));
    }
  },

  /** {@code max(x, 0)}: Keras' {@code relu} with its default arguments. */
  RELU("relu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.relu(x);
    }
  },

  /** {@code min(max(x, 0), 6)}: Keras' {@code relu6}. */
  RELU6("relu6") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.relu6(x);
    }
  },

  /**
   * {@code scale * x} for {@code x > 0}, {@code scale * alpha * (exp(x) - 1)} otherwise, with
   * {@code alpha = 1.67326324} and {@code scale = 1.05070098}: Keras' {@code selu}.
   */
  SELU("selu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.selu(x);
    }
  },

  /** {@code 1 / (1 + exp(-x))}: Keras' {@code sigmoid}. */
  SIGMOID("sigmoid") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.sigmoid(x);
    }
  },

  /** {@code x * sigmoid(x)}: Keras' {@code silu}, also named {@code swish}. */
  SILU("silu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.mul(x, tf.math.sigmoid(x));
    }
  },

  /**
   * {@code x - 0.5} for {@code x > 0.5}, {@code x + 0.5} for {@code x < -0.5}, 0 in between: Keras'
   * {@code soft_shrink} with its default threshold.
   */
  SOFT_SHRINK("soft_shrink") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> t = c(tf, x, 0.5);
      Operand<T> inner =
          tf.select(tf.math.less(x, tf.math.neg(t)), tf.math.add(x, t), tf.zerosLike(x));
      return tf.select(tf.math.greater(x, t), tf.math.sub(x, t), inner);
    }
  },

  /** {@code exp(x) / sum(exp(x))} over the last axis: Keras' {@code softmax}. */
  SOFTMAX("softmax") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.softmax(x);
    }
  },

  /** {@code log(exp(x) + 1)}: Keras' {@code softplus}. */
  SOFTPLUS("softplus") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.softplus(x);
    }
  },

  /** {@code x / (|x| + 1)}: Keras' {@code softsign}. */
  SOFTSIGN("softsign") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.softsign(x);
    }
  },

  /**
   * 0 for {@code x <= -1}, {@code (x + 1)² / 4} for {@code -1 < x < 1}, {@code x} for {@code x >=
   * 1}: Keras' {@code sparse_plus}.
   */
  SPARSE_PLUS("sparse_plus") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> one = c(tf, x, 1);
      Operand<T> quadratic = tf.math.mul(c(tf, x, 0.25), tf.math.square(tf.math.add(x, one)));
      Operand<T> upper = tf.select(tf.math.less(x, one), quadratic, x);
      return tf.select(tf.math.lessEqual(x, c(tf, x, -1)), tf.zerosLike(x), upper);
    }
  },

  /**
   * 0 for {@code x <= -1}, {@code (x + 1) / 2} for {@code -1 < x < 1}, 1 for {@code x >= 1}: Keras'
   * {@code sparse_sigmoid}.
   */
  SPARSE_SIGMOID("sparse_sigmoid") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> one = c(tf, x, 1);
      Operand<T> linear = tf.math.mul(c(tf, x, 0.5), tf.math.add(x, one));
      // Scalar branches broadcast (SelectV2), as in Keras' tf.where; OnesLike has no gradient.
      Operand<T> upper = tf.select(tf.math.greaterEqual(x, one), one, linear);
      return tf.select(tf.math.lessEqual(x, c(tf, x, -1)), c(tf, x, 0), upper);
    }
  },

  /**
   * {@code max(x - tau, 0)} over the last axis: Keras' {@code sparsemax}, with Keras' threshold.
   *
   * <p>With {@code z} the last axis sorted in decreasing order, {@code c} its cumulative sums and
   * {@code k} the number of positions {@code r} (from 1) where {@code z_r > (c_r - 1) / r}, Keras 3
   * takes {@code tau = (c_1 + ... + c_k - 1) / k}. Martins and Astudillo's sparsemax takes {@code
   * tau = (c_k - 1) / k}; the two agree when {@code k = 1}, and Keras' outputs need not sum to 1
   * otherwise. Models written by Keras compute Keras' formula, so this constant does too.
   */
  SPARSEMAX("sparsemax") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return sparsemax(tf, x);
    }
  },

  /** {@code (x + sqrt(x² + 4)) / 2}: Keras' {@code squareplus} with its default {@code b=4}. */
  SQUAREPLUS("squareplus") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      Operand<T> root = tf.math.sqrt(tf.math.add(tf.math.square(x), c(tf, x, 4)));
      return tf.math.div(tf.math.add(x, root), c(tf, x, 2));
    }
  },

  /** {@code tanh(x)}: Keras' {@code tanh}. */
  TANH("tanh") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.tanh(x);
    }
  },

  /** {@code x - tanh(x)}: Keras' {@code tanh_shrink}. */
  TANH_SHRINK("tanh_shrink") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.sub(x, tf.math.tanh(x));
    }
  },

  /**
   * Keras' {@code threshold(x, threshold, default_value)}, whose two arguments have no defaults:
   * given by name it cannot be called, in Keras as here. Reading a config that names it works;
   * calling it fails with an {@link IllegalArgumentException}.
   */
  THRESHOLD("threshold") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      throw new IllegalArgumentException(
          "Activation 'threshold' needs the arguments `threshold` and `default_value`, which an"
              + " activation given by name does not have (Keras fails to call it too). Use a"
              + " layer that computes where(x > threshold, x, default_value) instead.");
    }
  };

  private final String kerasName;

  BuiltinActivation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The name Keras serializes this activation as. */
  public String kerasName() {
    return kerasName;
  }

  /** The scalar {@code v} in {@code x}'s dtype. */
  private static <T extends TNumber> Operand<T> c(Ops tf, Operand<T> x, double v) {
    return tf.constantOfSameType(x, v);
  }

  /** The last axis of {@code x} as a non-negative index; the rank must be known. */
  private static int lastAxis(Operand<?> x, String activation) {
    int rank = x.shape().numDimensions();
    if (rank < 1) {
      throw new IllegalArgumentException(
          activation
              + " works on the last axis and needs a tensor of known rank >= 1, received shape "
              + x.shape());
    }
    return rank - 1;
  }

  private static <T extends TNumber> Operand<T> sparsemax(Ops tf, Operand<T> x) {
    int axis = lastAxis(x, "sparsemax");
    long size = x.shape().get(axis);
    Operand<TInt32> n =
        size != Shape.UNKNOWN_SIZE
            ? tf.constant(Math.toIntExact(size))
            : tf.reshape(
                tf.slice(tf.shape(x), tf.constant(new int[] {axis}), tf.constant(new int[] {1})),
                tf.constant(new int[0]));
    Operand<T> one = c(tf, x, 1);
    Operand<T> zero = c(tf, x, 0);
    Operand<TInt32> axisOp = tf.constant(axis);

    // Which sorted positions are in the support, and how many: no gradient flows through these.
    TopK<T, TInt32> top = tf.nn.topK(tf.stopGradient(x), n, new TopK.Options[0]);
    Operand<T> r =
        tf.dtypes.cast(
            tf.range(tf.constant(1), tf.math.add(n, tf.constant(1)), tf.constant(1)), x.type());
    Operand<T> sortedCumsum = tf.math.cumsum(top.values(), axisOp);
    Operand<TBool> support =
        tf.math.greater(
            tf.math.sub(top.values(), tf.math.div(tf.math.sub(sortedCumsum, one), r)), zero);
    Operand<T> k = tf.sum(tf.dtypes.cast(support, x.type()), axisOp, Sum.keepDims(true));

    // The threshold, differentiable in x: TopK has no registered gradient, so the sorted values
    // are gathered from x by the sort's indices, which is the same tensor with a gradient.
    Operand<T> sorted = tf.gather(x, top.indices(), axisOp, Gather.batchDims((long) axis));
    Operand<T> cumsum = tf.math.cumsum(sorted, axisOp);
    // Keras parity: Keras sums the cumulative sums over the support (see the Javadoc).
    Operand<T> supported = tf.select(support, cumsum, tf.zerosLike(cumsum));
    Operand<T> tau =
        tf.math.div(tf.math.sub(tf.sum(supported, axisOp, Sum.keepDims(true)), one), k);
    return tf.math.maximum(tf.math.sub(x, tau), zero);
  }

  /** The constants that {@link Activations} finds by their Keras name. */
  static List<BuiltinActivation> keras3() {
    return List.of(values()).stream().filter(a -> a != HARD_SIGMOID_KERAS2).toList();
  }
}
