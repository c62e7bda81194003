package io.keras4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The reference for inference on a real architecture: Keras' {@code
 * keras.applications.MobileNetV2(alpha=0.35, input_shape=(96, 96, 3), classes=10, weights=None)}
 * written directly against TensorFlow Java 1.1.0, as an experienced TensorFlow Java user would
 * write it for fast inference: one graph, one session, resource variables holding random values,
 * {@code FusedBatchNormV3} in inference mode, feed and fetch.
 *
 * <p>Layer for layer and weight for weight it is the Keras model (156 layers, 423,018 weights
 * counting BatchNormalization's moving statistics): input {@code (batch, 96, 96, 3)}, output the
 * softmax {@code (batch, 10)}.
 *
 * <pre>{@code
 * try (HandwrittenMobileNetV2 m = new HandwrittenMobileNetV2(32)) {
 *   m.predict();
 * }
 * }</pre>
 */
final class HandwrittenMobileNetV2 implements AutoCloseable {

  private static final double ALPHA = 0.35;
  private static final long SIZE = 96;
  private static final long CLASSES = 10;
  // Keras parity: MobileNetV2 builds every BatchNormalization with epsilon=1e-3.
  private static final float BN_EPSILON = 1e-3f;

  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final List<Op> initValues = new ArrayList<>();
  private final Placeholder<TFloat32> x;
  private final Operand<TFloat32> probabilities;
  private final TFloat32 input;
  private final Session session;
  private long parameterCount;

  HandwrittenMobileNetV2(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, received " + batch);
    }
    x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, 3)));
    probabilities = tf.nn.softmax(logits(x));
    session = new Session(graph);
    Session.Runner r = session.runner();
    initValues.forEach(r::addTarget);
    r.run().close();

    Random random = new Random(42);
    float[] values = new float[(int) (batch * SIZE * SIZE * 3)];
    for (int i = 0; i < values.length; i++) values[i] = random.nextFloat();
    input = TFloat32.tensorOf(Shape.of(batch, SIZE, SIZE, 3), DataBuffers.of(values));
  }

  /** The number of weight elements, BatchNormalization's moving mean and variance included. */
  long parameterCount() {
    return parameterCount;
  }

  /** The weights' size as float32, in MiB. */
  double weightsMb() {
    return parameterCount * (double) Float.BYTES / (1 << 20);
  }

  /** Runs the forward pass on the fixed input and discards the probabilities. */
  void predict() {
    try (Result r = session.runner().feed(x, input).fetch(probabilities).run()) {
      r.get(0);
    }
  }

  /** Runs the forward pass on the fixed input and returns the probabilities, one row a sample. */
  float[][] predictProbabilities() {
    try (Result r = session.runner().feed(x, input).fetch(probabilities).run()) {
      TFloat32 p = (TFloat32) r.get(0);
      Shape s = p.shape();
      if (s.numDimensions() != 2) {
        throw new IllegalStateException("expected probabilities of rank 2, received " + s);
      }
      float[][] rows = new float[(int) s.get(0)][(int) s.get(1)];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < rows[i].length; j++) rows[i][j] = p.getFloat(i, j);
      }
      return rows;
    }
  }

  private Operand<TFloat32> logits(Operand<TFloat32> in) {
    // The body of keras/src/applications/mobilenet_v2.py, layer for layer in its order.
    long firstBlockFilters = makeDivisible(32 * ALPHA);
    Operand<TFloat32> h = conv(in, 3, 3, firstBlockFilters, 2, "SAME");
    h = tf.nn.relu6(batchNorm(h, firstBlockFilters));
    long size = SIZE / 2;
    long channels = firstBlockFilters;

    // {filters, stride, expansion} for block_id 0 to 16.
    int[][] blocks = {
      {16, 1, 1},
      {24, 2, 6},
      {24, 1, 6},
      {32, 2, 6},
      {32, 1, 6},
      {32, 1, 6},
      {64, 2, 6},
      {64, 1, 6},
      {64, 1, 6},
      {64, 1, 6},
      {96, 1, 6},
      {96, 1, 6},
      {96, 1, 6},
      {160, 2, 6},
      {160, 1, 6},
      {160, 1, 6},
      {320, 1, 6},
    };
    for (int id = 0; id < blocks.length; id++) {
      int filters = blocks[id][0];
      int stride = blocks[id][1];
      int expansion = blocks[id][2];
      long pointwiseFilters = makeDivisible((int) (filters * ALPHA));
      h = invertedResidual(h, channels, size, pointwiseFilters, stride, expansion, id);
      channels = pointwiseFilters;
      size = stride == 2 ? (size + 1) / 2 : size;
    }

    // Keras parity: the last 1x1 conv keeps 1280 filters for alpha <= 1.
    long lastBlockFilters = 1280;
    h = conv(h, 1, channels, lastBlockFilters, 1, "VALID");
    h = tf.nn.relu6(batchNorm(h, lastBlockFilters));
    h = tf.math.mean(h, tf.constant(new int[] {1, 2}));
    Operand<TFloat32> kernel =
        variable(Shape.of(lastBlockFilters, CLASSES), glorot(lastBlockFilters, CLASSES));
    Operand<TFloat32> bias = variable(Shape.of(CLASSES), 0f, 0f);
    return tf.nn.biasAdd(tf.linalg.matMul(h, kernel), bias);
  }

  private Operand<TFloat32> invertedResidual(
      Operand<TFloat32> in,
      long inChannels,
      long size,
      long pointwiseFilters,
      int stride,
      int expansion,
      int blockId) {
    Operand<TFloat32> h = in;
    long channels = inChannels;
    if (blockId > 0) {
      channels = expansion * inChannels;
      h = tf.nn.relu6(batchNorm(conv(h, 1, inChannels, channels, 1, "SAME"), channels));
    }
    if (stride == 2) {
      h = zeroPad(h, size);
    }
    Operand<TFloat32> depthwise = variable(Shape.of(3, 3, channels, 1), glorot(9 * channels, 9));
    h =
        tf.nn.depthwiseConv2dNative(
            h,
            depthwise,
            List.of(1L, (long) stride, (long) stride, 1L),
            stride == 1 ? "SAME" : "VALID");
    h = tf.nn.relu6(batchNorm(h, channels));
    h = batchNorm(conv(h, 1, channels, pointwiseFilters, 1, "SAME"), pointwiseFilters);
    if (inChannels == pointwiseFilters && stride == 1) {
      h = tf.math.add(in, h);
    }
    return h;
  }

  private Operand<TFloat32> conv(
      Operand<TFloat32> in,
      long kernelSize,
      long inChannels,
      long filters,
      long stride,
      String padding) {
    long area = kernelSize * kernelSize;
    Operand<TFloat32> kernel =
        variable(
            Shape.of(kernelSize, kernelSize, inChannels, filters),
            glorot(area * inChannels, area * filters));
    return tf.nn.conv2d(in, kernel, List.of(1L, stride, stride, 1L), padding);
  }

  private Operand<TFloat32> batchNorm(Operand<TFloat32> in, long channels) {
    Shape s = Shape.of(channels);
    Operand<TFloat32> gamma = variable(s, 0.5f, 1.5f);
    Operand<TFloat32> beta = variable(s, -0.1f, 0.1f);
    Operand<TFloat32> movingMean = variable(s, -0.1f, 0.1f);
    Operand<TFloat32> movingVariance = variable(s, 0.5f, 1.5f);
    return tf.nn
        .fusedBatchNorm(
            in,
            gamma,
            beta,
            movingMean,
            movingVariance,
            FusedBatchNorm.epsilon(BN_EPSILON),
            FusedBatchNorm.isTraining(false))
        .y();
  }

  private Operand<TFloat32> zeroPad(Operand<TFloat32> in, long size) {
    // Keras parity: correct_pad pads one more row and column at the bottom and right than at the
    // top and left when the size is even, so the stride-2 window lines up with TensorFlow's SAME.
    long before = size % 2;
    Operand<TInt32> paddings =
        tf.constant(new int[][] {{0, 0}, {(int) before, 1}, {(int) before, 1}, {0, 0}});
    // ZeroPadding2D runs tf.pad, which builds the two-input Pad op; Ops.pad builds PadV2.
    return tf.scope()
        .opBuilder("Pad", "Pad")
        .addInput(in.asOutput())
        .addInput(paddings.asOutput())
        .build()
        .output(0);
  }

  private static long makeDivisible(double v) {
    // Keras' _make_divisible with divisor 8: round to a multiple of 8, never 10% below v.
    long rounded = Math.max(8, (long) (v + 4) / 8 * 8);
    return rounded < 0.9 * v ? rounded + 8 : rounded;
  }

  private static float glorot(long fanIn, long fanOut) {
    return (float) Math.sqrt(6.0 / (fanIn + fanOut));
  }

  private Operand<TFloat32> variable(Shape shape, float limit) {
    return variable(shape, -limit, limit);
  }

  private Operand<TFloat32> variable(Shape shape, float low, float high) {
    Operand<?> handle =
        tf.varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("v" + initValues.size()));
    initValues.add(
        tf.assignVariableOp(
            handle,
            tf.math.add(
                tf.math.mul(
                    tf.random.randomUniform(tf.constant(shape), TFloat32.class),
                    tf.constant(high - low)),
                tf.constant(low))));
    parameterCount += shape.size();
    return tf.readVariableOp(handle, TFloat32.class);
  }

  @Override
  public void close() {
    input.close();
    session.close();
    graph.close();
  }
}
