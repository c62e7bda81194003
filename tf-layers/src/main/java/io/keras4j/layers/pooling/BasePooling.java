package io.keras4j.layers.pooling;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.internal.ConvOps;
import io.keras4j.layers.convolutional.internal.InputShapes;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * The window pooling shared by the max and average pooling layers, as Keras' {@code BasePooling}:
 * the maximum or the average of each window, per channel. Runs on channels last, as TensorFlow's
 * CPU kernels require; a 1-D window runs as a 2-D one over a height of one, as Keras' TensorFlow
 * backend does.
 */
abstract class BasePooling extends Layer {

  private final int rank;
  private final PoolMode mode;
  private final PoolingConfig config;

  BasePooling(int rank, PoolMode mode, PoolingConfig config, LayerArgs args) {
    super(args);
    this.rank = rank;
    this.mode = mode;
    this.config = config.forRank(rank);
    // Keras parity: pooling layers are built at construction and write no build_config.
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    InputShapes.checkRank(this, rank, input.shape());
    return pool(tf, mode == PoolMode.MAX ? Tensors.numeric(input) : Tensors.floating(input));
  }

  private <T extends TNumber> Operand<T> pool(Ops tf, Operand<T> input) {
    DataFormat format = config.dataFormat();
    Operand<T> x = format.toChannelsLast(tf, input);
    List<Integer> window = config.poolSize();
    List<Integer> strides = config.strides();
    if (rank == 1) {
      x = ConvOps.addHeight(tf, x);
      window = List.of(1, window.get(0));
      strides = List.of(1, strides.get(0));
    }
    List<Long> ksize = ConvOps.perAxis(window);
    List<Long> steps = ConvOps.perAxis(strides);
    String padding = config.padding().tensorFlowName();
    Operand<T> y;
    if (rank == 3) {
      y =
          mode == PoolMode.MAX
              ? tf.nn.maxPool3d(x, ksize, steps, padding)
              : tf.nn.avgPool3d(x, ksize, steps, padding);
    } else {
      // TensorFlow's AvgPool averages only the cells inside the input, as Keras' `same` does.
      y =
          mode == PoolMode.MAX
              ? maxPool(tf, x, ksize, steps, padding)
              : tf.nn.avgPool(x, ksize, steps, padding);
    }
    if (rank == 1) y = ConvOps.dropHeight(tf, y);
    return format.fromChannelsLast(tf, y);
  }

  /**
   * TensorFlow's classic {@code MaxPool} op, which Keras' backend builds: {@code tf.nn.maxPool}
   * builds {@code MaxPoolV2}, which TensorFlow 2.18's oneDNN rewrites leave markedly slower.
   */
  private static <T extends TNumber> Operand<T> maxPool(
      Ops tf, Operand<T> x, List<Long> ksize, List<Long> strides, String padding) {
    OperationBuilder op = tf.scope().opBuilder("MaxPool", "MaxPool");
    op.addInput(x.asOutput());
    op.setAttr("ksize", ksize.stream().mapToLong(Long::longValue).toArray());
    op.setAttr("strides", strides.stream().mapToLong(Long::longValue).toArray());
    op.setAttr("padding", padding);
    return op.build().output(0);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputShapes.checkRank(this, rank, inputShape);
    DataFormat format = config.dataFormat();
    long[] in = format.spatial(inputShape);
    long[] out =
        config
            .padding()
            .outputLengths(in, config.poolSize(), config.strides(), Collections.nCopies(rank, 1));
    return format.shape(inputShape.get(0), out, format.channels(inputShape));
  }

  @Override
  public PoolingConfig getConfig() {
    return config;
  }
}
