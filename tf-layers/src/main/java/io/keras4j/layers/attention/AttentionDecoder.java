package io.keras4j.layers.attention;

import io.keras4j.initializers.Initializer;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.core.Dense;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.MathOps;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The seed article's Bahdanau-attention decoder: a GRU-like state reads a whole encoded sequence
 * through additive attention and emits one softmax output per input step. Its Keras form is the
 * custom layer {@code seed>AttentionDecoder} ({@code keras-fixtures/seed_layers.py}).
 *
 * <p>From {@code s = tanh(x[:, 0] · W_s)} and {@code y = 0}, each of the {@code T} steps computes
 *
 * <pre>
 * a       = softmax over t of  V_a · tanh(s · W_a + x[:, t] · U_a + b_a)
 * context = sum over t of  a[:, t] x[:, t]
 * r       = sigmoid(y · W_r + s · U_r + context · C_r + b_r)
 * z       = sigmoid(y · W_z + s · U_z + context · C_z + b_z)
 * p       = tanh(y · W_p + (r * s) · U_p + context · C_p + b_p)
 * y       = softmax(y · W_o + s · U_o + context · C_o + b_o)      (with the previous y)
 * s       = (1 - z) * s + z * p
 * </pre>
 *
 * <p>Input {@code (batch, T, d)} with {@code T} known; output {@code (batch, T, output_dim)}, the
 * stacked {@code y}, or with {@code return_probabilities} the attention weights {@code (batch, T,
 * T)}. The steps are unrolled, so the layer trains without a while loop.
 *
 * <pre>{@code
 * AttentionDecoder decoder = new AttentionDecoder(AttentionDecoderConfig.builder(8, 5).build());
 * KerasTensor y = decoder.apply(Input.of(6, 7)); // (None, 6, 5)
 * }</pre>
 */
public final class AttentionDecoder extends Layer {

  private final AttentionDecoderConfig config;
  private final Map<String, Weight> weights = new LinkedHashMap<>();

  public AttentionDecoder(AttentionDecoderConfig config) {
    this(config, LayerArgs.defaults());
  }

  public AttentionDecoder(AttentionDecoderConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long u = config.units();
    long d = knownDim(inputShape, 2, "feature");
    long o = config.outputDim();
    Initializer kernel = config.kernelInitializer();
    Initializer recurrent = config.recurrentInitializer();
    Initializer bias = config.biasInitializer();
    weight(tf, "V_a", kernel, u);
    weight(tf, "W_a", kernel, u, u);
    weight(tf, "U_a", kernel, d, u);
    weight(tf, "b_a", bias, u);
    for (String g : List.of("r", "z", "p")) {
      weight(tf, "C_" + g, recurrent, d, u);
      weight(tf, "U_" + g, recurrent, u, u);
      weight(tf, "W_" + g, recurrent, o, u);
      weight(tf, "b_" + g, bias, u);
    }
    weight(tf, "C_o", recurrent, d, o);
    weight(tf, "U_o", recurrent, u, o);
    weight(tf, "W_o", recurrent, o, o);
    weight(tf, "b_o", bias, o);
    weight(tf, "W_s", recurrent, d, u);
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return decode(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> decode(Ops tf, Operand<T> x) {
    MathOps m = tf.math;
    Map<String, Operand<T>> w = new LinkedHashMap<>();
    weights.forEach((name, weight) -> w.put(name, weight.read(tf)));
    long steps = knownDim(x.shape(), 1, "time");
    Operand<T> uxpb = m.add(mm(tf, x, w.get("U_a")), w.get("b_a")); // (B, T, u)
    Operand<T> s = m.tanh(mm(tf, tf.gather(x, tf.constant(0), tf.constant(1)), w.get("W_s")));
    Operand<T> y = zeros(tf, x, config.outputDim());
    Operand<T> one = tf.dtypes.cast(tf.constant(1f), x.type());
    List<Operand<T>> outputs = new ArrayList<>();
    for (long t = 0; t < steps; t++) {
      Operand<T> e = m.tanh(m.add(tf.expandDims(mm(tf, s, w.get("W_a")), tf.constant(1)), uxpb));
      Operand<T> a = tf.nn.softmax(tf.sum(m.mul(e, w.get("V_a")), tf.constant(-1))); // (B, T)
      Operand<T> context = tf.sum(m.mul(tf.expandDims(a, tf.constant(-1)), x), tf.constant(1));
      Operand<T> r = m.sigmoid(gate(tf, w, "r", y, s, context));
      Operand<T> z = m.sigmoid(gate(tf, w, "z", y, s, context));
      Operand<T> p = m.tanh(gate(tf, w, "p", y, m.mul(r, s), context));
      y = tf.nn.softmax(gate(tf, w, "o", y, s, context));
      s = m.add(m.mul(m.sub(one, z), s), m.mul(z, p));
      outputs.add(config.returnProbabilities() ? a : y);
    }
    return tf.stack(outputs, Stack.axis(1L));
  }

  /** {@code y · W_g + s · U_g + context · C_g + b_g}. */
  private static <T extends TFloating> Operand<T> gate(
      Ops tf, Map<String, Operand<T>> w, String g, Operand<T> y, Operand<T> s, Operand<T> context) {
    MathOps m = tf.math;
    Operand<T> sum = m.add(mm(tf, y, w.get("W_" + g)), mm(tf, s, w.get("U_" + g)));
    return m.add(m.add(sum, mm(tf, context, w.get("C_" + g))), w.get("b_" + g));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    long last = config.returnProbabilities() ? inputShape.get(1) : config.outputDim();
    return Shape.of(inputShape.get(0), inputShape.get(1), last);
  }

  @Override
  public AttentionDecoderConfig getConfig() {
    return config;
  }

  // ---------------------------------------------------------------- helpers

  /** Adds a weight; the biases ({@code b_*}) take the bias regularizer and constraint. */
  private void weight(Ops tf, String name, Initializer initializer, long... shape) {
    boolean bias = name.startsWith("b_");
    WeightOptions options =
        WeightOptions.of(initializer)
            .regularizer(bias ? config.biasRegularizer() : config.kernelRegularizer())
            .constraint(bias ? config.biasConstraint() : config.kernelConstraint());
    weights.put(name, addWeight(tf, name, Shape.of(shape), options));
  }

  private static <T extends TFloating> Operand<T> mm(Ops tf, Operand<T> a, Operand<T> b) {
    return Dense.matMulLastAxis(tf, a, b);
  }

  /** Zeros of shape {@code (batch of x, dim)}. */
  private static <T extends TFloating> Operand<T> zeros(Ops tf, Operand<T> x, long dim) {
    Operand<TInt32> batch =
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> shape =
        tf.concat(List.of(batch, tf.constant(new int[] {(int) dim})), tf.constant(0));
    return tf.zeros(shape, x.type());
  }

  private long knownDim(Shape shape, int axis, String what) {
    if (shape.numDimensions() != 3 || shape.get(axis) == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "AttentionDecoder '"
              + name()
              + "' expects an input (batch, time, features) with known "
              + what
              + " dimension, received "
              + Shapes.toKeras(shape));
    }
    return shape.get(axis);
  }
}
