package io.keras4j.layers.normalization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.normalization.NormalizationOps.Moments;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Normalizes each sample over groups of channels: Keras' {@code keras.layers.GroupNormalization}.
 *
 * <p>The {@code C} channels on {@code axis} are split into {@code groups} groups of {@code C /
 * groups}; each group of each sample is normalized over its channels and every other non-batch
 * axis: {@code y = x * inv + (beta - mean * inv)} with {@code inv = rsqrt(variance + epsilon) *
 * gamma}. {@code groups = 1} is layer normalization over all axes, {@code groups = -1} (one group
 * per channel) instance normalization.
 *
 * <p>Input and output of any rank, same shape. Weights, each of shape {@code (C,)}: {@code gamma}
 * (when {@code scale}), then {@code beta} (when {@code center}).
 *
 * <pre>{@code
 * GroupNormalization norm =
 *     new GroupNormalization(GroupNormalizationConfig.builder().groups(2).build());
 * KerasTensor y = norm.apply(Input.of(5, 6)); // (None, 5, 6)
 * }</pre>
 */
public final class GroupNormalization extends Layer {

  private GroupNormalizationConfig config;
  private @Nullable Weight gamma;
  private @Nullable Weight beta;

  public GroupNormalization(GroupNormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GroupNormalization(GroupNormalizationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    int axis = Axes.of(config.axis()).canonical(inputShape.numDimensions())[0];
    long dim = inputShape.get(axis);
    if (dim == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "Axis "
              + config.axis()
              + " of input tensor should have a defined dimension but the layer received an input"
              + " with shape "
              + Shapes.toKeras(inputShape)
              + ".");
    }
    if (config.groups() == -1) {
      // Keras parity: instance normalization is saved with its actual number of groups.
      config = config.withGroups(Math.toIntExact(dim));
    }
    int groups = config.groups();
    if (dim < groups) {
      throw new IllegalArgumentException(
          "Number of groups ("
              + groups
              + ") cannot be more than the number of channels ("
              + dim
              + ").");
    }
    if (dim % groups != 0) {
      throw new IllegalArgumentException(
          "Number of groups ("
              + groups
              + ") must be a multiple of the number of channels ("
              + dim
              + ").");
    }
    Shape shape = Shape.of(dim);
    if (config.scale()) {
      gamma =
          addWeight(
              tf,
              "gamma",
              shape,
              WeightOptions.of(config.gammaInitializer())
                  .regularizer(config.gammaRegularizer())
                  .constraint(config.gammaConstraint()));
    }
    if (config.center()) {
      beta =
          addWeight(
              tf,
              "beta",
              shape,
              WeightOptions.of(config.betaInitializer())
                  .regularizer(config.betaRegularizer())
                  .constraint(config.betaConstraint()));
    }
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<? extends TFloating> x = NormalizationOps.atLeastFloat32(tf, input);
    Operand<?> y = tf.reshape(normalize(tf, x), tf.shape(input, TInt64.class));
    return NormalizationOps.castTo(tf, y, NormalizationOps.floatingType(dtypePolicy()));
  }

  /**
   * Normalizes {@code x} reshaped so that {@code axis} splits into (groups, channels per group).
   */
  private <T extends TFloating> Operand<T> normalize(Ops tf, Operand<T> input) {
    Class<T> type = input.type();
    int rank = input.shape().numDimensions();
    int axis = Axes.of(config.axis()).canonical(rank)[0];
    int groups = config.groups();
    long perGroup = input.shape().get(axis) / groups;
    Operand<T> x = tf.reshape(input, groupedShape(tf, input, axis, groups, perGroup));

    // Reduce over every axis of the grouped tensor but the batch and the group.
    int[] reduction = new int[rank - 1];
    for (int d = 1, i = 0; d <= rank; d++) {
      if (d != axis) reduction[i++] = d;
    }
    Moments<T> moments = NormalizationOps.moments(tf, x, reduction, true);
    long[] broadcast = new long[rank + 1];
    java.util.Arrays.fill(broadcast, 1L);
    broadcast[axis] = groups;
    broadcast[axis + 1] = perGroup;

    Operand<T> inv =
        tf.math.rsqrt(
            tf.math.add(moments.variance(), NormalizationOps.scalar(tf, config.epsilon(), type)));
    if (gamma != null) {
      inv =
          tf.math.mul(
              inv, tf.reshape(NormalizationOps.read(tf, gamma, type), tf.constant(broadcast)));
    }
    // Keras parity: x * inv + (-mean * inv + beta), in the order of Keras' GroupNormalization.
    Operand<T> offset = tf.math.neg(tf.math.mul(moments.mean(), inv));
    if (beta != null) {
      offset =
          tf.math.add(
              offset, tf.reshape(NormalizationOps.read(tf, beta, type), tf.constant(broadcast)));
    }
    return tf.math.add(tf.math.mul(x, inv), offset);
  }

  /**
   * The input's shape with {@code axis} split into {@code (groups, perGroup)}: a constant when the
   * non-batch dimensions are known, else read from the tensor.
   */
  private static Operand<TInt64> groupedShape(
      Ops tf, Operand<?> x, int axis, int groups, long perGroup) {
    Shape s = x.shape();
    int rank = s.numDimensions();
    boolean known = true;
    for (int d = 1; d < rank; d++) {
      known &= s.get(d) != Shape.UNKNOWN_SIZE;
    }
    if (known) {
      long[] dims = new long[rank + 1];
      for (int d = 0, i = 0; d < rank; d++) {
        if (d == axis) {
          dims[i++] = groups;
          dims[i++] = perGroup;
        } else {
          dims[i++] = d == 0 ? -1 : s.get(d);
        }
      }
      return tf.constant(dims);
    }
    Operand<TInt64> shape = tf.shape(x, TInt64.class);
    List<Operand<TInt64>> parts = new ArrayList<>();
    parts.add(tf.slice(shape, tf.constant(new long[] {0}), tf.constant(new long[] {axis})));
    parts.add(tf.constant(new long[] {groups, perGroup}));
    parts.add(tf.slice(shape, tf.constant(new long[] {axis + 1}), tf.constant(new long[] {-1})));
    return tf.concat(parts, tf.constant(0));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    Axes.of(config.axis()).checkBounds(inputShape.numDimensions(), Shapes.toKeras(inputShape));
    return inputShape;
  }

  @Override
  public GroupNormalizationConfig getConfig() {
    return config;
  }

  public @Nullable Weight gamma() {
    return gamma;
  }

  public @Nullable Weight beta() {
    return beta;
  }
}
