package io.keras4j.layers.normalization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.normalization.NormalizationOps.Moments;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Normalizes each feature along one axis with batch statistics in training and moving statistics in
 * inference: Keras' {@code keras.layers.BatchNormalization}.
 *
 * <p>{@code y = (x - mean) * (rsqrt(variance + epsilon) * gamma) + beta}, where {@code mean} and
 * {@code variance} are the moving statistics in inference, and the statistics of the batch (over
 * every axis but {@code axis}) when called with {@code training} on a trainable layer. Training
 * also moves the statistics: {@code moving = moving * momentum + batch * (1 - momentum)}, handed to
 * the training step through {@link CallContext#addUpdate} (an eager session runs them at once; a
 * training call outside a step ties them to the output).
 *
 * <p>Input and output of any rank, same shape. Weights, each of shape {@code (input_shape[axis],)}:
 * {@code gamma} (when {@code scale}), {@code beta} (when {@code center}), then the non-trainable
 * {@code moving_mean} and {@code moving_variance}.
 *
 * <pre>{@code
 * BatchNormalization bn =
 *     new BatchNormalization(BatchNormalizationConfig.builder().axis(1).center(false).build());
 * KerasTensor y = bn.apply(Input.of(3, 4, 4)); // (None, 3, 4, 4)
 * }</pre>
 */
public final class BatchNormalization extends Layer {

  /** The smallest epsilon cuDNN's batch normalization accepts; smaller ones run unfused. */
  private static final double MIN_FUSED_EPSILON = 1.001e-5;

  private final BatchNormalizationConfig config;
  private @Nullable Weight gamma;
  private @Nullable Weight beta;
  private @Nullable Weight movingMean;
  private @Nullable Weight movingVariance;

  public BatchNormalization(BatchNormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public BatchNormalization(BatchNormalizationConfig config, LayerArgs args) {
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
          "BatchNormalization '"
              + name()
              + "' needs a known dimension on axis "
              + config.axis()
              + ", received an input of shape "
              + Shapes.toKeras(inputShape));
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
    movingMean =
        addWeight(
            tf,
            "moving_mean",
            shape,
            WeightOptions.of(config.movingMeanInitializer()).trainable(false));
    movingVariance =
        addWeight(
            tf,
            "moving_variance",
            shape,
            WeightOptions.of(config.movingVarianceInitializer()).trainable(false));
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return normalize(tf, NormalizationOps.atLeastFloat32(tf, input), context);
  }

  private <T extends TFloating> Operand<?> normalize(Ops tf, Operand<T> x, CallContext context) {
    Class<T> type = x.type();
    int rank = x.shape().numDimensions();
    int axis = Axes.of(config.axis()).canonical(rank)[0];
    Operand<T> movingMeanValue = NormalizationOps.read(tf, movingMean, type);
    Operand<T> movingVarianceValue = NormalizationOps.read(tf, movingVariance, type);
    Operand<T> mean = movingMeanValue;
    Operand<T> variance = movingVarianceValue;
    List<Op> updates = List.of();
    // Keras parity: a frozen BatchNormalization runs in inference mode even when training.
    boolean inference = !(context.training() && trainable());
    if (inference && fusable(x, axis)) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> input = (Operand<TFloat32>) (Operand<?>) x;
      return NormalizationOps.castTo(
          tf,
          fused(tf, input, movingMeanValue, movingVarianceValue),
          NormalizationOps.floatingType(dtypePolicy()));
    }
    if (!inference) {
      Moments<T> batch = moments(tf, x, axis, context.mask(0));
      mean = batch.mean();
      variance = batch.variance();
      Operand<T> momentum = NormalizationOps.scalar(tf, config.momentum(), type);
      Operand<T> rest = NormalizationOps.scalar(tf, 1.0 - config.momentum(), type);
      updates =
          List.of(
              assign(tf, movingMean, movingAverage(tf, movingMeanValue, mean, momentum, rest)),
              assign(
                  tf,
                  movingVariance,
                  movingAverage(tf, movingVarianceValue, variance, momentum, rest)));
    }
    Operand<T> inv =
        tf.math.rsqrt(tf.math.add(variance, NormalizationOps.scalar(tf, config.epsilon(), type)));
    if (gamma != null) {
      inv = tf.math.mul(inv, NormalizationOps.read(tf, gamma, type));
    }
    boolean reshape = axis != rank - 1;
    int[] axes = {axis};
    if (reshape) {
      mean = NormalizationOps.broadcastable(tf, mean, rank, axes);
      inv = NormalizationOps.broadcastable(tf, inv, rank, axes);
    }
    // Keras parity: (x - mean) * (rsqrt(var + eps) * gamma) + beta, in the order of the backend
    // that wrote the reference fixtures (torch); Keras' TensorFlow backend computes
    // x * inv + (beta - mean * inv), equal up to rounding.
    Operand<T> y = tf.math.mul(tf.math.sub(x, mean), inv);
    if (beta != null) {
      Operand<T> b = NormalizationOps.read(tf, beta, type);
      y = tf.math.add(y, reshape ? NormalizationOps.broadcastable(tf, b, rank, axes) : b);
    }
    if (!updates.isEmpty() && !tf.scope().env().isEager()) {
      if (context.collectsEffects()) {
        // A training step runs the updates with the step.
        updates.forEach(context::addUpdate);
      } else {
        // A training call outside a step moves the statistics whenever its output is computed,
        // as calling Keras' layer with training=True does.
        y = tf.withControlDependencies(updates).identity(y);
      }
    }
    return NormalizationOps.castTo(tf, y, NormalizationOps.floatingType(dtypePolicy()));
  }

  /**
   * Whether inference can use TensorFlow's fused kernel: float32 images in channels-last layout,
   * and an epsilon the GPU kernel accepts.
   */
  private boolean fusable(Operand<?> x, int axis) {
    return x.type() == TFloat32.class
        && x.shape().numDimensions() == 4
        && axis == 3
        && config.epsilon() >= MIN_FUSED_EPSILON;
  }

  /**
   * Inference in one pass with {@code FusedBatchNormV3}: the same formula as the unfused path,
   * equal up to rounding, and a kernel TensorFlow's graph rewrites fold into the preceding
   * convolution.
   */
  @SuppressWarnings("unchecked")
  private Operand<TFloat32> fused(
      Ops tf, Operand<TFloat32> x, Operand<?> mean, Operand<?> variance) {
    long channels = x.shape().get(3);
    Operand<TFloat32> scale =
        gamma != null ? NormalizationOps.read(tf, gamma, TFloat32.class) : ones(tf, channels);
    Operand<TFloat32> offset =
        beta != null ? NormalizationOps.read(tf, beta, TFloat32.class) : zeros(tf, channels);
    return tf.nn
        .fusedBatchNorm(
            x,
            scale,
            offset,
            (Operand<TFloat32>) mean,
            (Operand<TFloat32>) variance,
            FusedBatchNorm.epsilon((float) config.epsilon()),
            FusedBatchNorm.isTraining(false),
            FusedBatchNorm.dataFormat("NHWC"))
        .y();
  }

  private static Operand<TFloat32> ones(Ops tf, long n) {
    return tf.fill(tf.constant(new long[] {n}), tf.constant(1f));
  }

  private static Operand<TFloat32> zeros(Ops tf, long n) {
    return tf.fill(tf.constant(new long[] {n}), tf.constant(0f));
  }

  /** The batch's mean and variance per feature, over the unmasked positions if there is a mask. */
  private <T extends TFloating> Moments<T> moments(
      Ops tf, Operand<T> x, int axis, @Nullable Operand<TBool> mask) {
    int rank = x.shape().numDimensions();
    int[] reduction = new int[rank - 1];
    for (int d = 0, i = 0; d < rank; d++) {
      if (d != axis) reduction[i++] = d;
    }
    if (mask == null) {
      return NormalizationOps.moments(tf, x, reduction, false);
    }
    if (mask.shape().numDimensions() != rank - 1) {
      throw new IllegalArgumentException(
          "The mask provided should be one dimension less than the inputs. Received: mask.shape="
              + Shapes.toKeras(mask.shape())
              + ", inputs.shape="
              + Shapes.toKeras(x.shape()));
    }
    Class<T> type = x.type();
    Operand<TBool> m = tf.broadcastTo(tf.expandDims(mask, tf.constant(-1)), tf.shape(x));
    Operand<T> zero = tf.zerosLike(x);
    Operand<T> weights = tf.dtypes.cast(m, type);
    // Keras parity: Keras divides by the count plus its fuzz factor, backend.epsilon() = 1e-7.
    Operand<T> count =
        tf.math.add(
            NormalizationOps.sum(tf, weights, reduction), NormalizationOps.scalar(tf, 1e-7, type));
    Operand<T> mean =
        tf.math.div(NormalizationOps.sum(tf, tf.select(m, x, zero), reduction), count);
    Operand<T> difference = tf.select(m, tf.math.sub(x, mean), zero);
    Operand<T> variance =
        tf.math.div(NormalizationOps.sum(tf, tf.math.square(difference), reduction), count);
    Squeeze.Options squeeze =
        Squeeze.axis(Arrays.stream(reduction).asLongStream().boxed().toList());
    return new Moments<>(tf.squeeze(mean, squeeze), tf.squeeze(variance, squeeze));
  }

  private static <T extends TFloating> Operand<T> movingAverage(
      Ops tf, Operand<T> moving, Operand<T> batch, Operand<T> momentum, Operand<T> rest) {
    return tf.math.add(tf.math.mul(moving, momentum), tf.math.mul(batch, rest));
  }

  private static Op assign(Ops tf, Weight weight, Operand<? extends TFloating> value) {
    return tf.assignVariableOp(
        weight.handle(tf),
        NormalizationOps.castTo(tf, value, weight.dtype().asSubclass(TFloating.class)));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    Axes.of(config.axis()).checkBounds(inputShape.numDimensions(), Shapes.toKeras(inputShape));
    return inputShape;
  }

  @Override
  public BatchNormalizationConfig getConfig() {
    return config;
  }

  public @Nullable Weight gamma() {
    return gamma;
  }

  public @Nullable Weight beta() {
    return beta;
  }

  public @Nullable Weight movingMean() {
    return movingMean;
  }

  public @Nullable Weight movingVariance() {
    return movingVariance;
  }
}
