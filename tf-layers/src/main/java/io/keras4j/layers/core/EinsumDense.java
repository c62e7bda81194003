package io.keras4j.layers.core;

import io.keras4j.initializers.GlorotNormal;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.HeNormal;
import io.keras4j.initializers.HeUniform;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.LecunNormal;
import io.keras4j.initializers.LecunUniform;
import io.keras4j.initializers.VarianceScaling;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * A dense layer of any dimensionality written as an einsum: {@code activation(einsum(equation, x,
 * kernel) + bias)}. Keras' {@code keras.layers.EinsumDense}.
 *
 * <p>The equation names the input's, the kernel's and the output's axes ({@code abc,cd->abd}); an
 * ellipsis may stand for leading ({@code ...c,cd->...d}) or trailing axes. Weights: {@code kernel},
 * whose shape takes each kernel label's size from {@code output_shape} or from the input, then
 * {@code bias} when {@code bias_axes} names output labels: its shape runs from the first bias label
 * to the last output axis, 1 where a label has no bias. Output {@code (batch, ...)} as {@code
 * output_shape} with the batch and elided dimensions added.
 *
 * <pre>{@code
 * EinsumDense dense = new EinsumDense(
 *     EinsumDenseConfig.builder("abc,cd->abd", Arrays.asList(null, 64L)).biasAxes("d").build());
 * KerasTensor y = dense.apply(Input.of(32, 128)); // (None, None, 64), as Keras declares it
 * }</pre>
 */
public final class EinsumDense extends Layer {

  private final EinsumDenseConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight bias;

  public EinsumDense(EinsumDenseConfig config) {
    this(config, LayerArgs.defaults());
  }

  public EinsumDense(EinsumDenseConfig config, LayerArgs args) {
    super(withActivityRegularizer(args, config.activityRegularizer()));
    this.config = config.toBuilder().activityRegularizer(args().activityRegularizer()).build();
  }

  /**
   * Keras writes {@code activity_regularizer} among EinsumDense's own keys (null included): the
   * layer applies the regularizer of its {@link LayerArgs}, and one given in the config wins.
   */
  private static LayerArgs withActivityRegularizer(LayerArgs args, @Nullable Regularizer r) {
    return r == null ? args : args.withActivityRegularizer(r);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    EinsumShapes shapes = analyze(inputShape);
    kernel =
        addWeight(
            tf,
            "kernel",
            requireKnown("kernel", shapes.kernel(), inputShape),
            WeightOptions.of(kernelInitializer(shapes.inputAxes(), shapes.outputAxes()))
                .regularizer(config.kernelRegularizer())
                .constraint(config.kernelConstraint()));
    if (shapes.bias() != null) {
      bias =
          addWeight(
              tf,
              "bias",
              requireKnown("bias", shapes.bias(), inputShape),
              WeightOptions.of(config.biasInitializer())
                  .regularizer(config.biasRegularizer())
                  .constraint(config.biasConstraint()));
    }
  }

  /**
   * Keras parity: EinsumDense gives a variance-scaling kernel initializer that lacks fan axes the
   * kernel's input and output axes, so that its fans count the contracted and the produced labels
   * rather than the last two axes. The config keeps the initializer as it was given.
   */
  private Initializer kernelInitializer(List<Integer> inputAxes, List<Integer> outputAxes) {
    Initializer init = config.kernelInitializer();
    VarianceScaling v = null;
    if (init instanceof VarianceScaling vs) v = vs;
    else if (init instanceof GlorotUniform g) v = g.asVarianceScaling();
    else if (init instanceof GlorotNormal g) v = g.asVarianceScaling();
    else if (init instanceof HeUniform h) v = h.asVarianceScaling();
    else if (init instanceof HeNormal h) v = h.asVarianceScaling();
    else if (init instanceof LecunUniform l) v = l.asVarianceScaling();
    else if (init instanceof LecunNormal l) v = l.asVarianceScaling();
    if (v == null || v.inputAxes() != null && v.outputAxes() != null) {
      return init;
    }
    return new VarianceScaling(
        v.seed(), v.scale(), v.mode(), v.distribution(), inputAxes, outputAxes);
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return dense(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> dense(Ops tf, Operand<T> x) {
    Operand<T> k = castTo(tf, kernel.read(tf), x.type());
    Operand<T> y = tf.linalg.einsum(List.of(x, k), config.equation());
    if (bias != null) {
      y = tf.math.add(y, castTo(tf, bias.read(tf), x.type()));
    }
    return config.activation().call(tf, y);
  }

  @SuppressWarnings("unchecked")
  private static <T extends TType> Operand<T> castTo(
      Ops tf, Operand<? extends TType> value, Class<T> type) {
    return value.type() == type ? (Operand<T>) value : tf.dtypes.cast(value, type);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return Shape.of(analyze(inputShape).output());
  }

  @Override
  public EinsumDenseConfig getConfig() {
    return config;
  }

  public @Nullable Weight kernel() {
    return kernel;
  }

  public @Nullable Weight bias() {
    return bias;
  }

  // ---------------------------------------------------------------- the equation

  /**
   * Shapes derived from the equation, as Keras' {@code _analyze_einsum_string}; unknown sizes are
   * {@link Shape#UNKNOWN_SIZE}.
   *
   * @param inputAxes the kernel axes that are contracted with the input
   * @param outputAxes the kernel axes that appear in the output
   */
  private record EinsumShapes(
      long[] kernel,
      long @Nullable [] bias,
      long[] output,
      List<Integer> inputAxes,
      List<Integer> outputAxes) {}

  private EinsumShapes analyze(Shape inputShape) {
    String dotted = config.equation().replace("...", "0");
    Matcher m = EinsumDenseConfig.PLAIN.matcher(dotted);
    boolean leftElided = false;
    if (!m.matches()) {
      m = EinsumDenseConfig.LEFT_ELIDED.matcher(dotted);
      leftElided = m.matches();
      if (!leftElided) {
        m = EinsumDenseConfig.RIGHT_ELIDED.matcher(dotted);
        m.matches(); // the config accepted the equation, so one of the three forms matches
      }
    }
    String inputSpec = m.group(1);
    String weightSpec = m.group(2);
    String outputSpec = m.group(3);
    long[] in = inputShape.asArray();
    int elided = in.length - inputSpec.length();
    if (elided < 0) {
      throw new IllegalArgumentException(
          "EinsumDense '"
              + name()
              + "': equation '"
              + config.equation()
              + "' names "
              + inputSpec.length()
              + " input axes, received an input of rank "
              + in.length
              + ": "
              + Shapes.toKeras(inputShape));
    }

    List<Long> output = new ArrayList<>();
    for (Long d : config.outputShape()) output.add(d == null ? Shape.UNKNOWN_SIZE : d);
    output.add(0, in[0]);
    if (elided > 0 && leftElided) {
      for (int i = 1; i < elided; i++) {
        // Keras parity: each elided axis goes in at position 1, so with two or more of them Keras
        // declares them in reverse order.
        output.add(1, in[i]);
      }
    } else if (elided > 0) {
      for (int i = in.length - elided; i < in.length; i++) output.add(in[i]);
    }
    int offset = leftElided ? elided : 0;
    Map<Character, Integer> inputIndex = new HashMap<>();
    for (int i = 0; i < inputSpec.length(); i++) inputIndex.put(inputSpec.charAt(i), i + offset);
    Map<Character, Integer> outputIndex = new HashMap<>();
    for (int i = 0; i < outputSpec.length(); i++) {
      outputIndex.put(outputSpec.charAt(i), i + offset);
    }

    for (char c : inputSpec.toCharArray()) {
      long inDim = in[inputIndex.get(c)];
      Integer o = outputIndex.get(c);
      if (o != null && output.get(o) != Shape.UNKNOWN_SIZE && output.get(o) != inDim) {
        throw new IllegalArgumentException(
            "EinsumDense '"
                + name()
                + "': input shape and output shape do not match at shared dimension '"
                + c
                + "'. Input shape is "
                + dim(inDim)
                + ", and output shape is "
                + dim(output.get(o))
                + ".");
      }
    }
    for (char c : outputSpec.toCharArray()) {
      if (inputSpec.indexOf(c) < 0 && weightSpec.indexOf(c) < 0) {
        throw new IllegalArgumentException(
            "EinsumDense '"
                + name()
                + "': dimension '"
                + c
                + "' was specified in the output '"
                + outputSpec
                + "' but has no corresponding dim in the input spec '"
                + inputSpec
                + "' or weight spec '"
                + weightSpec
                + "'");
      }
    }

    long[] kernelShape = new long[weightSpec.length()];
    List<Integer> inputAxes = new ArrayList<>();
    List<Integer> outputAxes = new ArrayList<>();
    for (int i = 0; i < weightSpec.length(); i++) {
      char c = weightSpec.charAt(i);
      if (outputIndex.containsKey(c)) {
        kernelShape[i] = output.get(outputIndex.get(c));
        outputAxes.add(i);
      } else if (inputIndex.containsKey(c)) {
        kernelShape[i] = in[inputIndex.get(c)];
        inputAxes.add(i);
      } else {
        throw new IllegalArgumentException(
            "EinsumDense '"
                + name()
                + "': weight dimension '"
                + c
                + "' did not have a match in either the input spec '"
                + inputSpec
                + "' or the output spec '"
                + outputSpec
                + "'. For this layer, the weight must be fully specified.");
      }
    }

    long[] biasShape = null;
    String biasAxes = config.biasAxes();
    if (biasAxes != null) {
      int first = Integer.MAX_VALUE;
      for (char c : biasAxes.toCharArray()) {
        int at = outputSpec.indexOf(c);
        if (at < 0) {
          throw new IllegalArgumentException(
              "EinsumDense '"
                  + name()
                  + "': bias dimension '"
                  + c
                  + "' was requested, but is not part of the output spec '"
                  + outputSpec
                  + "'");
        }
        first = Math.min(first, at);
      }
      if (first == Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "EinsumDense '"
                + name()
                + "': `bias_axes` must name at least one output label of '"
                + outputSpec
                + "', or be None. Received: bias_axes=''");
      }
      int trailing = leftElided ? 0 : elided;
      biasShape = new long[outputSpec.length() - first + trailing];
      for (int i = first; i < outputSpec.length(); i++) {
        char c = outputSpec.charAt(i);
        biasShape[i - first] = biasAxes.indexOf(c) >= 0 ? output.get(i + offset) : 1;
      }
      for (int i = outputSpec.length() - first; i < biasShape.length; i++) biasShape[i] = 1;
    }

    long[] outputShape = output.stream().mapToLong(Long::longValue).toArray();
    return new EinsumShapes(kernelShape, biasShape, outputShape, inputAxes, outputAxes);
  }

  private Shape requireKnown(String weight, long[] dims, Shape inputShape) {
    Shape shape = Shape.of(dims);
    if (shape.hasUnknownDimension()) {
      throw new IllegalArgumentException(
          "EinsumDense '"
              + name()
              + "': the "
              + weight
              + " shape "
              + Shapes.toKeras(shape)
              + " that equation '"
              + config.equation()
              + "' derives from input shape "
              + Shapes.toKeras(inputShape)
              + " and output_shape "
              + config.outputShape()
              + " has unknown dimensions; give their sizes in `output_shape`");
    }
    return shape;
  }

  private static String dim(long d) {
    return d == Shape.UNKNOWN_SIZE ? "None" : Long.toString(d);
  }
}
