package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.CallArgs;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.Functional;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.SGDConfig;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.training.Compile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The checks every layer's test runs: weights named and shaped as Keras creates them, {@code
 * computeOutputShape} agreeing with the graph the layer builds, the config surviving JSON and the
 * registry, running the layer in a model, its gradients against finite differences, and one
 * training step lowering the loss.
 */
public final class LayerTestKit {

  private LayerTestKit() {}

  /**
   * Checks the layer's declared output specs against the static shapes and dtypes of the graph it
   * builds for the given inputs (unknown dimensions stay unknown in both).
   */
  public static List<TensorSpec> assertOutputSpecMatchesGraph(Layer layer, TensorSpec... inputs) {
    List<TensorSpec> declared = layer.computeOutputSpec(List.of(inputs));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> placeholders = new ArrayList<>();
      for (TensorSpec in : inputs) {
        placeholders.add(tf.placeholder(in.dtype(), Placeholder.shape(in.shape())));
      }
      List<Operand<?>> out = layer.apply(tf, placeholders, CallContext.inference());
      assertEquals(declared.size(), out.size(), "number of outputs of " + layer.name());
      for (int i = 0; i < out.size(); i++) {
        assertEquals(
            Shapes.toKeras(declared.get(i).shape()),
            Shapes.toKeras(out.get(i).shape()),
            "shape of output " + i + " of " + layer.name());
        assertEquals(declared.get(i).dtype(), out.get(i).type(), "dtype of output " + i);
      }
      layer.weights().forEach(w -> w.detach(g));
    }
    return declared;
  }

  /**
   * Checks the layer's own weights, in Keras' saving order, as {@code "name(d0, d1)"} strings such
   * as {@code "kernel(3, 4)"}.
   */
  public static void assertWeights(Layer layer, String... expected) {
    List<String> actual = new ArrayList<>();
    for (Weight w : layer.weights()) {
      actual.add(w.name() + Shapes.toKeras(w.shape()));
    }
    assertEquals(List.of(expected), actual, "weights of " + layer.name());
  }

  /**
   * Serializes the layer, reads it back through the built-in registry and serializes it again: the
   * class must be the same and both JSON documents equal.
   */
  public static Layer assertConfigRoundTrip(Layer layer) {
    return assertConfigRoundTrip(layer, KerasRegistry.builtins());
  }

  public static Layer assertConfigRoundTrip(Layer layer, KerasRegistry registry) {
    ConfigSerializer serializer = ConfigSerializer.of(registry);
    ObjectNode json = serializer.serialize(layer);
    Layer copy = serializer.deserialize(json);
    assertSame(layer.getClass(), copy.getClass(), "class after round trip");
    assertEquals(layer.getConfig(), copy.getConfig(), "config record after round trip");
    JsonNode again = serializer.serialize(copy).get("config");
    assertEquals(json.get("config"), again, "config JSON after round trip");
    return copy;
  }

  /**
   * Runs the layer on the given tensors inside a functional model (batch dimension unknown) and
   * returns its outputs; the caller closes the result.
   */
  public static Result predict(Layer layer, Tensor... inputs) {
    List<KerasTensor> in = new ArrayList<>();
    for (Tensor t : inputs) {
      long[] dims = t.shape().asArray();
      long[] rest = java.util.Arrays.copyOfRange(dims, 1, dims.length);
      in.add(Input.builder(rest).dtype(io.keras4j.layers.DTypePolicy.kerasName(typeOf(t))).build());
    }
    List<KerasTensor> out =
        layer.applyAll(
            in.size() == 1
                ? io.keras4j.layers.CallArgs.of(in.get(0))
                : io.keras4j.layers.CallArgs.of(in));
    try (Functional model = new Functional(LayerArgs.defaults(), in, out)) {
      return model.predict(inputs);
    }
  }

  // ---------------------------------------------------------------- gradients and training

  /** Layer arguments that compute in and store weights in float64, for the gradient check. */
  public static final LayerArgs FLOAT64 = LayerArgs.defaults().withDtype(DTypePolicy.of("float64"));

  /** Coordinates sampled per differentiated tensor. */
  private static final int COORDINATES = 20;

  private static final long SEED = 20240611L;

  /** Largest relative error allowed where the layer computes in float64. */
  public static final double FLOAT64_TOLERANCE = 1e-6;

  /** Largest relative error allowed where the layer computes in float32 only. */
  public static final double FLOAT32_TOLERANCE = 1e-2;

  /**
   * {@link #assertGradientsMatchFiniteDifferences(Layer, CallContext, Tensor...)} in training mode
   * ({@code CallContext.of(true)}), as a training step calls the layer.
   */
  public static double assertGradientsMatchFiniteDifferences(Layer layer, Tensor... inputs) {
    return assertGradientsMatchFiniteDifferences(layer, CallContext.of(true), inputs);
  }

  /**
   * Checks the gradients TensorFlow derives for the layer against central finite differences.
   *
   * <p>The layer is built in a graph of its own on inputs of the given tensors' exact shapes and
   * dtypes, and called with {@code context} (which must hold no graph operands, such as masks). The
   * loss is {@code sum(output * R)}, summed over the layer's floating outputs in float64, for a
   * fixed standard normal {@code R}. Its gradients with respect to every trainable weight that the
   * loss reads (through all the weight's {@code ReadVariableOp}s, as {@code Trainer} does) and
   * every floating input are computed with {@code Graph.addGradients}, and compared on up to 20
   * sampled coordinates of each tensor with {@code (L(v + h) - L(v - h)) / 2h}. Weights start from
   * their initializers (an unseeded one draws new values at every check).
   *
   * <p>The error of a coordinate is {@code |analytic - numeric| / max(|analytic|, |numeric|, s)},
   * where {@code s} is a tenth of the largest magnitude sampled in the same tensor, and at least a
   * thousandth of the largest sampled in any tensor: a coordinate whose gradient is almost zero is
   * judged against its tensor's scale, and a tensor whose gradient is almost or exactly zero (a key
   * bias under a softmax over keys) against the layer's, where finite differences' rounding noise
   * lies. A layer that computes in float64 (built with {@link #FLOAT64}) uses {@code h = 1e-5
   * max(1, |v|)} and must stay under {@value #FLOAT64_TOLERANCE}; a layer that computes in float32
   * uses {@code h = 1e-3 max(1, |v|)} and must stay under {@value #FLOAT32_TOLERANCE}, float32's
   * rounding of the outputs bounding what the differences can resolve. Both steps lie near the
   * optimum of central differences, about the cube root of the machine epsilon, where truncation
   * and rounding errors balance.
   *
   * <p>Random layers in training mode must be seeded: each evaluation then runs in a new session,
   * where the seeded draws repeat.
   *
   * @return the largest error seen
   */
  public static double assertGradientsMatchFiniteDifferences(
      Layer layer, CallContext context, Tensor... inputs) {
    try (GradientProbe probe = new GradientProbe(layer, context, List.of(inputs), SEED)) {
      probe.differentiate();
      List<GradientProbe.Target> targets = probe.targets();
      assertTrue(!targets.isEmpty(), layer + ": the loss depends on no weight and no input");
      boolean float64 =
          layer.dtypePolicy().computeDtype() == TFloat64.class && probe.float64Outputs();
      for (GradientProbe.Target t : targets) float64 &= t.dtype == TFloat64.class;
      double relativeStep = float64 ? 1e-5 : 1e-3;
      double tolerance = float64 ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
      Random random = new Random(SEED);
      double worst = 0;
      int coordinates = 0;
      StringBuilder report = new StringBuilder();
      List<String> failures = new ArrayList<>();
      List<int[]> samples = new ArrayList<>();
      List<double[]> numerics = new ArrayList<>();
      double globalScale = 0;
      for (GradientProbe.Target t : targets) {
        int[] sample = GradientProbe.sample(t.shape.size(), COORDINATES, random);
        double[] numeric = new double[sample.length];
        for (int k = 0; k < sample.length; k++) {
          int i = sample[k];
          double v = t.values[i];
          double h = relativeStep * Math.max(1, Math.abs(v));
          double up = rounded(v + h, t.dtype);
          double down = rounded(v - h, t.dtype);
          probe.set(t, i, up);
          double lossUp = probe.loss();
          probe.set(t, i, down);
          double lossDown = probe.loss();
          probe.set(t, i, v);
          numeric[k] = (lossUp - lossDown) / (up - down);
          globalScale =
              Math.max(globalScale, Math.max(Math.abs(t.analytic[i]), Math.abs(numeric[k])));
        }
        samples.add(sample);
        numerics.add(numeric);
      }
      for (int ti = 0; ti < targets.size(); ti++) {
        GradientProbe.Target t = targets.get(ti);
        int[] sample = samples.get(ti);
        double[] numeric = numerics.get(ti);
        double scale = 0;
        for (int k = 0; k < sample.length; k++) {
          scale = Math.max(scale, Math.max(Math.abs(t.analytic[sample[k]]), Math.abs(numeric[k])));
        }
        double floor = Math.max(Math.max(scale / 10, globalScale / 1000), Double.MIN_NORMAL);
        double tensorWorst = 0;
        for (int k = 0; k < sample.length; k++) {
          double a = t.analytic[sample[k]];
          double n = numeric[k];
          assertTrue(Double.isFinite(a), layer + ": gradient of " + t.name + " is " + a);
          double err = Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), floor);
          if (err > tensorWorst) tensorWorst = err;
          if (err > tolerance) {
            failures.add(
                String.format(
                    Locale.ROOT,
                    "%s%s: analytic %.9g, finite difference %.9g (relative error %.3g)",
                    t.name,
                    Arrays.toString(index(sample[k], t.shape)),
                    a,
                    n,
                    err));
          }
        }
        coordinates += sample.length;
        worst = Math.max(worst, tensorWorst);
        report.append(
            String.format(Locale.ROOT, " %s%s=%.2e", t.name, Shapes.toKeras(t.shape), tensorWorst));
      }
      String summary =
          String.format(
                  Locale.ROOT,
                  "[gradient-check] %s %s %s%s: max relative error %.2e (tolerance %.0e) over %d"
                      + " coordinates;%s",
                  layer.getClass().getSimpleName(),
                  layer.name(),
                  float64 ? "float64" : "float32",
                  probe.random() ? " (seeded noise)" : "",
                  worst,
                  tolerance,
                  coordinates,
                  report)
              + (probe.unreached().isEmpty()
                  ? ""
                  : "; not on the loss's path: " + probe.unreached());
      System.out.println(summary);
      if (!failures.isEmpty()) {
        throw new AssertionError(
            "Gradients of "
                + layer
                + " differ from finite differences (tolerance "
                + tolerance
                + "):\n  "
                + String.join("\n  ", failures.subList(0, Math.min(10, failures.size())))
                + "\n"
                + summary);
      }
      return worst;
    }
  }

  private static double rounded(double v, Class<? extends TType> dtype) {
    return dtype == TFloat32.class ? (float) v : v;
  }

  private static long[] index(int flat, Shape shape) {
    long[] idx = new long[shape.numDimensions()];
    long rest = flat;
    for (int d = idx.length - 1; d >= 0; d--) {
      idx[d] = rest % shape.get(d);
      rest /= shape.get(d);
    }
    return idx;
  }

  /**
   * {@link #assertTrainingStepLowersLoss(Layer, double, Tensor...)} with a learning rate of 0.01.
   */
  public static void assertTrainingStepLowersLoss(Layer layer, Tensor... inputs) {
    assertTrainingStepLowersLoss(layer, 0.01, inputs);
  }

  /**
   * Takes one training step and checks that it lowers the loss on the same batch.
   *
   * <p>The layer is wrapped in a {@link Functional} model on the given inputs (batch dimension
   * unknown; several inputs are passed as one list, as {@code layer([a, b])}), compiled with {@link
   * SGD} at {@code learningRate} and {@link MeanSquaredError} against fixed standard normal targets
   * of the outputs' shapes. The loss of {@code testOnBatch} must be lower after one {@code
   * trainOnBatch} than before.
   *
   * <p>A layer without trainable weights cannot take a step: the check is then that the gradient of
   * a loss with respect to each floating input exists (TensorFlow can differentiate every op on the
   * path, in training mode) and is finite.
   */
  public static void assertTrainingStepLowersLoss(
      Layer layer, double learningRate, Tensor... inputs) {
    List<KerasTensor> in = new ArrayList<>();
    for (Tensor t : inputs) {
      long[] dims = t.shape().asArray();
      in.add(
          Input.builder(Arrays.copyOfRange(dims, 1, dims.length))
              .dtype(DTypePolicy.kerasName(typeOf(t)))
              .build());
    }
    List<KerasTensor> out =
        layer.applyAll(in.size() == 1 ? CallArgs.of(in.get(0)) : CallArgs.of(in));
    List<Tensor> targets = new ArrayList<>();
    try (Functional model = new Functional(LayerArgs.defaults(), in, out)) {
      model.build();
      if (model.trainableWeights().isEmpty()) {
        assertInputGradientsFinite(layer, inputs);
        return;
      }
      Random random = new Random(SEED);
      // The targets take the outputs' declared shapes with the batch's size; running the model
      // to learn them would fail on a model whose outputs repeat one tensor (a cell's output is
      // its new state), which Model.predict cannot fetch twice.
      long batch = inputs[0].shape().get(0);
      for (KerasTensor o : out) {
        long[] dims = o.spec().shape().asArray();
        dims[0] = batch;
        Shape shape = Shape.of(dims);
        assertTrue(!shape.hasUnknownDimension(), layer + ": output shape " + shape + " unknown");
        long seed = random.nextLong();
        targets.add(
            o.spec().dtype() == TFloat64.class
                ? gaussian(TFloat64.class, seed, shape)
                : gaussian(TFloat32.class, seed, shape));
      }
      model.compile(
          Compile.builder()
              .optimizer(new SGD(SGDConfig.builder().learningRate(learningRate).build()))
              .loss(new MeanSquaredError())
              .build());
      List<Tensor> x = List.of(inputs);
      double before = model.testOnBatch(x, targets, null).get("loss");
      model.trainOnBatch(x, targets, null);
      double after = model.testOnBatch(x, targets, null).get("loss");
      System.out.println(
          String.format(
              Locale.ROOT,
              "[training-step] %s %s: loss %.6g -> %.6g (learning rate %s, %d trainable weights)",
              layer.getClass().getSimpleName(),
              layer.name(),
              before,
              after,
              learningRate,
              model.trainableWeights().size()));
      assertTrue(Double.isFinite(after), layer + ": loss after one step is " + after);
      assertTrue(
          after < before,
          layer + ": one training step took the loss from " + before + " to " + after);
    } finally {
      targets.forEach(Tensor::close);
    }
  }

  /**
   * The gradient of {@code sum(output * R)} with respect to each floating input exists and is
   * finite.
   */
  private static void assertInputGradientsFinite(Layer layer, Tensor... inputs) {
    try (GradientProbe probe =
        new GradientProbe(layer, CallContext.of(true), List.of(inputs), SEED)) {
      probe.differentiate();
      int checked = 0;
      for (GradientProbe.Target t : probe.targets()) {
        if (!t.name.startsWith("input")) continue;
        for (double g : t.analytic) {
          assertTrue(Double.isFinite(g), layer + ": gradient of " + t.name + " holds " + g);
        }
        checked++;
      }
      assertTrue(
          checked > 0, layer + " has no trainable weight and no floating input the loss reaches");
      System.out.println(
          "[training-step] "
              + layer.getClass().getSimpleName()
              + " "
              + layer.name()
              + ": no trainable weights; gradient with respect to "
              + checked
              + " input(s) finite");
    }
  }

  /**
   * A tensor of standard normal values, reproducibly: {@link TFloat32} or {@link TFloat64}. The
   * caller closes it.
   */
  @SuppressWarnings("unchecked")
  public static <T extends TFloating> T gaussian(Class<T> dtype, long seed, Shape shape) {
    Random random = new Random(seed);
    double[] v = new double[(int) shape.size()];
    for (int i = 0; i < v.length; i++) v[i] = random.nextGaussian();
    if (dtype == TFloat64.class)
      return (T) TFloat64.tensorOf(shape, DataBuffers.of(v, true, false));
    if (dtype == TFloat32.class) {
      float[] f = new float[v.length];
      for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
      return (T) TFloat32.tensorOf(shape, DataBuffers.of(f, true, false));
    }
    throw new IllegalArgumentException(
        "gaussian makes float32 or float64, not " + dtype.getSimpleName());
  }

  /** {@link #gaussian(Class, long, Shape)} with the shape's dimensions listed. */
  public static <T extends TFloating> T gaussian(Class<T> dtype, long seed, long... shape) {
    return gaussian(dtype, seed, Shape.of(shape));
  }

  /** A floating tensor's values as doubles, in row-major order. */
  static double[] values(Tensor t) {
    if (t instanceof TFloat64 d) {
      double[] v = new double[(int) d.size()];
      d.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
    if (t instanceof TFloat32 f) {
      float[] v = new float[(int) f.size()];
      f.copyTo(DataBuffers.of(v, false, false));
      double[] out = new double[v.length];
      for (int i = 0; i < v.length; i++) out[i] = v[i];
      return out;
    }
    throw new IllegalArgumentException(
        "Expected a float32 or float64 tensor, received " + t.dataType());
  }

  @SuppressWarnings("unchecked")
  static Class<? extends org.tensorflow.types.family.TType> typeOf(Tensor t) {
    for (Class<?> c : t.getClass().getInterfaces()) {
      if (org.tensorflow.types.family.TType.class.isAssignableFrom(c)) {
        return (Class<? extends org.tensorflow.types.family.TType>) c;
      }
    }
    throw new IllegalArgumentException("Unknown tensor type " + t.getClass());
  }

  /** A spec with an unknown batch dimension. */
  public static TensorSpec spec(
      Class<? extends org.tensorflow.types.family.TType> dtype, long... dims) {
    return new TensorSpec(Shape.of(dims).prepend(Shape.UNKNOWN_SIZE), dtype);
  }
}
