package io.keras4j.layers.preprocessing;

import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Ones;
import io.keras4j.initializers.Zeros;
import io.keras4j.internal.JavaArrays;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Standardizes features with a fixed mean and variance: Keras' {@code keras.layers.Normalization}.
 *
 * <p>{@code y = (x - mean) / max(sqrt(variance), 1e-7)}, or with {@code invert} {@code y = mean + x
 * * max(sqrt(variance), 1e-7)}, computed in the layer's compute dtype. Each position along {@code
 * axis} has its own mean and variance; the other axes share them.
 *
 * <p>The statistics come from the config ({@code mean} and {@code variance}, numbers or arrays
 * aligned right to left with the kept axes) or, for a layer Keras adapted to data, from three
 * non-trainable weights in this order: {@code mean} and {@code variance} of shape {@code
 * (input_shape[a] for a in axis)}, and the scalar int64 {@code count}. {@link #adapt(Tensor)}
 * computes them from data, as Keras' {@code adapt}, before the layer's model first runs.
 *
 * <p>Input and output of any shape, the same; the dimensions on {@code axis} must be known.
 *
 * <pre>{@code
 * Normalization norm =
 *     new Normalization(
 *         NormalizationConfig.builder()
 *             .mean(ConstantArray.vector(0.5, -1, 2))
 *             .variance(ConstantArray.vector(4, 0.25, 1))
 *             .build());
 * KerasTensor y = norm.apply(Input.of(5, 3)); // (None, 5, 3)
 * }</pre>
 */
public final class Normalization extends Layer {

  /** Keras' fuzz factor, {@code backend.epsilon()}: the smallest standard deviation divided by. */
  private static final double EPSILON = 1e-7;

  private final NormalizationConfig config;
  private @Nullable Weight mean;
  private @Nullable Weight variance;
  private @Nullable Weight count;

  /**
   * The statistics {@link #adapt} computed, the initial values of {@code mean} and {@code
   * variance}.
   */
  private volatile float @Nullable [] adaptedMean;

  private volatile float @Nullable [] adaptedVariance;

  public Normalization(NormalizationConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Normalization(NormalizationConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    int[] keep = keptAxes(inputShape);
    if (config.mean() == null) {
      Shape shape = Shape.scalar();
      for (int d : keep) shape = shape.append(inputShape.get(d));
      mean = addWeight(tf, "mean", shape, WeightOptions.of(new Adapted(true)).trainable(false));
      variance =
          addWeight(tf, "variance", shape, WeightOptions.of(new Adapted(false)).trainable(false));
      // Keras keeps it for older saved models; on the TensorFlow backend its "int" is int64.
      count =
          addWeight(
              tf,
              "count",
              Shape.scalar(),
              WeightOptions.of(new Zeros()).trainable(false).dtype(TInt64.class));
    }
  }

  /** The kept axes, non-negative and sorted, checked against the input as Keras checks them. */
  private int[] keptAxes(Shape inputShape) {
    int rank = inputShape.numDimensions();
    List<Integer> axis = config.axis().values();
    if (axis.stream().anyMatch(a -> a < -rank || a >= rank)) {
      throw new IllegalArgumentException(
          "All `axis` values must be in the range [-ndim, ndim). Received inputs with ndim="
              + rank
              + ", while axis="
              + axis);
    }
    int[] keep = axis.stream().mapToInt(a -> a < 0 ? a + rank : a).sorted().distinct().toArray();
    for (int d : keep) {
      if (inputShape.get(d) == Shape.UNKNOWN_SIZE) {
        throw new IllegalArgumentException(
            "All `axis` values to be kept must have a known shape. Received axis="
                + axis
                + ", inputs.shape="
                + Shapes.toKeras(inputShape)
                + ", with unknown axis at index "
                + d);
      }
    }
    return keep;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return normalize(tf, input, dtypePolicy().computeDtype().asSubclass(TNumber.class));
  }

  @SuppressWarnings("unchecked")
  private <T extends TNumber> Operand<T> normalize(Ops tf, Operand<?> input, Class<T> type) {
    Operand<T> x = input.type() == type ? (Operand<T>) input : tf.dtypes.cast(input, type);
    Shape inputShape = input.shape();
    int rank = inputShape.numDimensions();
    int[] keep = keptAxes(inputShape);
    long[] broadcast = new long[rank];
    Arrays.fill(broadcast, 1L);
    for (int d : keep) broadcast[d] = inputShape.get(d);
    Operand<T> m;
    Operand<T> v;
    if (config.mean() != null) {
      m = given(tf, config.mean(), type, keep, broadcast);
      v = given(tf, config.variance(), type, keep, broadcast);
    } else {
      m = tf.dtypes.cast(tf.reshape(mean.read(tf), tf.constant(broadcast)), type);
      v = tf.dtypes.cast(tf.reshape(variance.read(tf), tf.constant(broadcast)), type);
    }
    Operand<T> std = tf.math.maximum(tf.math.sqrt(v), tf.dtypes.cast(tf.constant(EPSILON), type));
    return config.invert()
        ? tf.math.add(m, tf.math.mul(x, std))
        : tf.math.div(tf.math.sub(x, m), std);
  }

  /**
   * A mean or variance from the config, broadcast to the input's kept axes: a number everywhere, an
   * array's dimensions aligned right to left with the kept axes, as Keras' {@code build}.
   */
  private static <T extends TType> Operand<T> given(
      Ops tf, ConstantArray value, Class<T> type, int[] keep, long[] broadcast) {
    Operand<? extends TType> c = value.constant(tf);
    if (value.rank() > 0) {
      long[] expanded = new long[broadcast.length];
      Arrays.fill(expanded, 1L);
      for (int i = 1; i <= value.rank(); i++) {
        expanded[keep[keep.length - i]] = value.dimensions().get(value.rank() - i);
      }
      c = tf.reshape(c, tf.constant(expanded));
    }
    // Keras parity: Python numbers become float32 tensors before the cast to the compute dtype;
    // only a float64 array keeps its precision.
    if (!"float64".equals(value.dtype())) {
      c = tf.dtypes.cast(c, TFloat32.class);
    }
    Operand<T> cast = tf.dtypes.cast(c, type);
    return tf.broadcastTo(cast, tf.constant(broadcast));
  }

  /**
   * Computes the mean and variance of {@code data} for each position along {@code axis}, over all
   * other axes, as Keras' {@code adapt} on an array: they become the initial values of the {@code
   * mean} and {@code variance} weights (population variance; {@code count} stays 0, as in Keras).
   * Builds the layer for {@code data}'s shape if it is not built. Call it before the model that
   * holds the layer first runs; the statistics are summed in double precision and stored as
   * float32. Data too large to hold twice over (as doubles) goes in batches: {@link
   * #adapt(Iterable)}.
   *
   * <pre>{@code
   * Normalization norm = new Normalization(NormalizationConfig.builder().build());
   * norm.adapt(trainingFeatures); // (samples, features)
   * KerasTensor x = Input.of(features);
   * Model model = new Functional(LayerArgs.named("m"), x, dense.apply(norm.apply(x)));
   * }</pre>
   *
   * @param data a float or integer tensor of the layer's input shape, any number of samples
   * @throws IllegalArgumentException for data whose kept axes differ from the layer's build shape
   * @throws IllegalStateException for a layer given {@code mean} and {@code variance} in its
   *     config, or whose weights already have values in a model
   */
  public void adapt(Tensor data) {
    adapt(List.of(data));
  }

  /** {@link #adapt(Tensor)} on rows of features: {@code data[sample][feature]}. */
  public void adapt(float[][] data) {
    try (Tensor t = JavaArrays.toTensor(data)) {
      adapt(t);
    }
  }

  /**
   * {@link #adapt(Tensor)} on a dataset given batch by batch, as Keras' {@code adapt} on a batched
   * {@code tf.data.Dataset}: each batch's statistics are merged into the running ones, weighted by
   * the number of values each position saw. The batches stay the caller's to close.
   */
  public synchronized void adapt(Iterable<? extends Tensor> batches) {
    if (config.mean() != null) {
      throw new IllegalStateException(
          "Layer '"
              + name()
              + "' was given `mean` and `variance` in its config: there is nothing to adapt");
    }
    Iterator<? extends Tensor> it = batches.iterator();
    if (!it.hasNext()) {
      throw new IllegalArgumentException(
          "adapt() received no batches. Expected at least one batch of data.");
    }
    Tensor first = it.next();
    if (!built()) {
      try (Graph g = new Graph()) {
        ensureBuilt(Ops.create(g), List.of(first.shape()), false);
      }
    }
    if (mean.hasVariable() || variance.hasVariable()) {
      throw new IllegalStateException(
          "The weights of layer '"
              + name()
              + "' already have variables in a model's graph: adapt the layer before its model"
              + " first runs, or assign new statistics with Model.assignWeights");
    }
    Shape built = buildInputShapes().get(0);
    int[] keep = keptAxes(built);
    int positions = (int) mean.shape().size();
    double[] totalMean = new double[positions];
    double[] totalVariance = new double[positions];
    long totalCount = 0;
    for (Tensor batch = first; batch != null; batch = it.hasNext() ? it.next() : null) {
      Shape shape = batch.shape();
      if (shape.numDimensions() != built.numDimensions()
          || Arrays.stream(keep).anyMatch(d -> shape.get(d) != built.get(d))) {
        throw new IllegalArgumentException(
            "The layer was built with input_shape="
                + Shapes.toKeras(built)
                + ", but adapt() is being called with data with an incompatible shape, data.shape="
                + Shapes.toKeras(shape));
      }
      long count = shape.size() / positions;
      if (count == 0) continue;
      double[][] stats = moments(JavaArrays.doubles(batch), shape, keep, positions);
      // Keras' merge of a batch into the running statistics (lack-of-fit sum of squares).
      totalCount += count;
      double batchWeight = (double) count / totalCount;
      double existingWeight = 1 - batchWeight;
      for (int p = 0; p < positions; p++) {
        double merged = totalMean[p] * existingWeight + stats[0][p] * batchWeight;
        double d0 = totalMean[p] - merged;
        double d1 = stats[0][p] - merged;
        totalVariance[p] =
            (totalVariance[p] + d0 * d0) * existingWeight + (stats[1][p] + d1 * d1) * batchWeight;
        totalMean[p] = merged;
      }
    }
    if (totalCount == 0) {
      throw new IllegalArgumentException("adapt() received only empty batches: no samples");
    }
    adaptedMean = toFloats(totalMean);
    adaptedVariance = toFloats(totalVariance);
  }

  /**
   * Mean and population variance per position of the kept axes (row-major over them), in two
   * passes.
   */
  private static double[][] moments(double[] x, Shape shape, int[] keep, int positions) {
    int rank = shape.numDimensions();
    long[] strides = new long[rank];
    long stride = 1;
    for (int d = rank - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= shape.get(d);
    }
    double per = (double) x.length / positions;
    double[] m = new double[positions];
    for (int i = 0; i < x.length; i++) m[position(i, shape, strides, keep)] += x[i];
    for (int p = 0; p < positions; p++) m[p] /= per;
    double[] v = new double[positions];
    for (int i = 0; i < x.length; i++) {
      int p = position(i, shape, strides, keep);
      double d = x[i] - m[p];
      v[p] += d * d;
    }
    for (int p = 0; p < positions; p++) v[p] /= per;
    return new double[][] {m, v};
  }

  /** The kept-axes position of the element at row-major index {@code i}. */
  private static int position(int i, Shape shape, long[] strides, int[] keep) {
    long p = 0;
    for (int d : keep) p = p * shape.get(d) + (i / strides[d]) % shape.get(d);
    return (int) p;
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) out[i] = (float) values[i];
    return out;
  }

  /**
   * The initial value of the {@code mean} (zeros) or {@code variance} (ones) weight, or what {@link
   * #adapt} computed once it has run.
   */
  private final class Adapted implements Initializer {
    private final boolean isMean;

    Adapted(boolean isMean) {
      this.isMean = isMean;
    }

    @Override
    public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
      float[] values = isMean ? adaptedMean : adaptedVariance;
      if (values == null) {
        return isMean ? new Zeros().call(tf, shape, dtype) : new Ones().call(tf, shape, dtype);
      }
      return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(values, true, false)), dtype);
    }
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  /** Keras converts the input to the compute dtype, so the output has it for any input. */
  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    return dtypePolicy().computeDtype();
  }

  @Override
  public NormalizationConfig getConfig() {
    return config;
  }

  public @Nullable Weight mean() {
    return mean;
  }

  public @Nullable Weight variance() {
    return variance;
  }

  public @Nullable Weight count() {
    return count;
  }
}
