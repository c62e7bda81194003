package io.keras4j.layers.pooling;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.internal.InputShapes;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The pooling over all spatial axes shared by the global max and average pooling layers, as Keras'
 * {@code BaseGlobalPooling}.
 */
abstract class BaseGlobalPooling extends Layer {

  private final int rank;
  private final PoolMode mode;
  private final GlobalPoolingConfig config;

  BaseGlobalPooling(int rank, PoolMode mode, GlobalPoolingConfig config, LayerArgs args) {
    super(args);
    this.rank = rank;
    this.mode = mode;
    this.config = config;
    // Keras parity: pooling layers are built at construction and write no build_config.
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    InputShapes.checkRank(this, rank, input.shape());
    return pool(tf, Tensors.numeric(input));
  }

  private <T extends TNumber> Operand<T> pool(Ops tf, Operand<T> x) {
    Operand<TInt32> axes = tf.constant(spatialAxes());
    return mode == PoolMode.MAX
        ? tf.max(x, axes, Max.keepDims(config.keepdims()))
        : tf.math.mean(x, axes, Mean.keepDims(config.keepdims()));
  }

  /** The indices of the spatial axes of the input. */
  final int[] spatialAxes() {
    int first = config.dataFormat() == DataFormat.CHANNELS_LAST ? 1 : 2;
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) axes[i] = first + i;
    return axes;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputShapes.checkRank(this, rank, inputShape);
    DataFormat format = config.dataFormat();
    long channels = format.channels(inputShape);
    if (!config.keepdims()) return Shape.of(inputShape.get(0), channels);
    long[] ones = new long[rank];
    java.util.Arrays.fill(ones, 1);
    return format.shape(inputShape.get(0), ones, channels);
  }

  @Override
  public GlobalPoolingConfig getConfig() {
    return config;
  }
}
