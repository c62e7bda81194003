package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.Weight;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Replays Keras' training fixtures through the optimizers: the fixture's two Dense layers and loss
 * written with TensorFlow ops here, its optimizer read from its {@code compile_config}, {@code
 * fit(shuffle=False)} as one session run per batch, then every weight and every optimizer variable
 * compared with Keras' {@code trained.keras} within the case's tolerance. The numbers come from
 * Keras' files through {@code keras-fixtures/optimizers/extract.py}.
 */
class KerasReplayTest {

  /** The fixtures whose model is two Dense layers, one per optimizer setting they cover. */
  static Stream<String> cases() {
    return Stream.of(
        "train_sgd_expdecay_mse",
        "train_mlp_sgd_momentum",
        "train_sgd_global_clipnorm_cosine",
        "train_adam_amsgrad_clipvalue",
        "train_rmsprop_centered_momentum",
        "train_adagrad",
        "train_adamax_piecewise");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void training_from_the_compiled_model_ends_where_keras_ended(String name) throws IOException {
    JsonNode c = fixture(name);
    try (Replay r = new Replay(c)) {
      r.load(c.get("initial_weights"), null);
      r.fit(c.get("epochs").asInt());
      r.assertState(c.get("trained_weights"), c.get("trained_optimizer_vars"));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void training_resumed_from_epoch_1_ends_where_keras_ended(String name) throws IOException {
    JsonNode c = fixture(name);
    try (Replay r = new Replay(c)) {
      r.load(c.get("epoch_1_weights"), c.get("epoch_1_optimizer_vars"));
      r.fit(c.get("epochs").asInt() - 1);
      r.assertState(c.get("trained_weights"), c.get("trained_optimizer_vars"));
    }
  }

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in =
        KerasReplayTest.class.getResourceAsStream("/keras-fixtures/optimizers/" + name + ".json")) {
      return KerasJson.mapper().readTree(in);
    }
  }

  private static float[] floats(JsonNode values) {
    float[] f = new float[values.size()];
    for (int i = 0; i < f.length; i++) f[i] = values.get(i).floatValue();
    return f;
  }

  private static double[] doubles(JsonNode values) {
    double[] d = new double[values.size()];
    for (int i = 0; i < d.length; i++) d[i] = values.get(i).doubleValue();
    return d;
  }

  /** The fixture's model and optimizer in one graph. */
  private static final class Replay implements AutoCloseable {
    private final JsonNode c;
    private final Graph graph = new Graph();
    private final Ops tf = Ops.create(graph);
    private final Session session = new Session(graph);
    private final Optimizer optimizer;
    private final List<Weight> weights;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final Op step;

    Replay(JsonNode c) throws IOException {
      this.c = c;
      optimizer =
          KerasJson.mapper()
              .readerFor(Optimizer.class)
              .withAttribute(ReadContext.class, ReadContext.of(KerasRegistry.builtins()))
              .readValue(c.get("optimizer"));
      int in = c.get("x_shape").get(1).asInt();
      int hidden = c.get("units").get(0).asInt();
      int out = c.get("units").get(1).asInt();
      List<Training.Param> params = new ArrayList<>();
      Shape[] shapes = {
        Shape.of(in, hidden), Shape.of(hidden), Shape.of(hidden, out), Shape.of(out)
      };
      String[] paths = {"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"};
      for (int i = 0; i < 4; i++) {
        params.add(new Training.Param(paths[i], shapes[i], new float[(int) shapes[i].size()]));
      }
      weights = Training.weights(params);
      x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in)));
      y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, out)));
      List<Operand<TFloat32>> w = new ArrayList<>();
      weights.forEach(v -> w.add(v.read(tf)));
      Operand<TFloat32> h = dense(x, w.get(0), w.get(1), c.get("activations").get(0).asText());
      Operand<TFloat32> p = dense(h, w.get(2), w.get(3), c.get("activations").get(1).asText());
      Operand<TFloat32> loss = tf.math.mean(perSample(p), tf.constant(0));
      Gradients g = tf.gradients(loss, w);
      List<Operand<?>> grads = new ArrayList<>();
      for (int i = 0; i < w.size(); i++) grads.add(g.dy(i));
      optimizer.build(weights);
      step = optimizer.apply(tf, grads, weights);
    }

    private Operand<TFloat32> dense(
        Operand<TFloat32> in, Operand<TFloat32> kernel, Operand<TFloat32> bias, String activation) {
      Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(in, kernel), bias);
      return switch (activation) {
        case "relu" -> tf.nn.relu(z);
        case "tanh" -> tf.math.tanh(z);
        case "softmax" -> tf.nn.softmax(z);
        case "linear" -> z;
        default -> throw new IllegalArgumentException(activation);
      };
    }

    /** Keras' torch backend: mean squared error, or cross-entropy of normalized clipped probs. */
    private Operand<TFloat32> perSample(Operand<TFloat32> p) {
      Operand<TInt32> last = tf.constant(-1);
      return switch (c.get("loss").asText()) {
        case "mse" -> tf.math.mean(tf.math.square(tf.math.sub(y, p)), last);
        case "categorical_crossentropy" -> {
          Operand<TFloat32> q = tf.math.div(p, tf.reduceSum(p, last, ReduceSum.keepDims(true)));
          float eps = 1e-7f;
          q = tf.math.maximum(tf.math.minimum(q, tf.constant(1f - eps)), tf.constant(eps));
          yield tf.math.neg(tf.reduceSum(tf.math.mul(y, tf.math.log(q)), last));
        }
        default -> throw new IllegalArgumentException(c.get("loss").asText());
      };
    }

    /**
     * Assigns Keras' values to the weights and, where given, to the optimizer's variables, which
     * otherwise start from their initializers.
     */
    void load(JsonNode weightValues, @Nullable JsonNode optimizerValues) {
      Session.Runner r = session.runner();
      for (int i = 0; i < weights.size(); i++) {
        r.addTarget(assign(weights.get(i), weightValues.get(i)));
      }
      List<Weight> vars = optimizer.variables();
      if (optimizerValues != null) {
        assertEquals(optimizerValues.size(), vars.size(), "optimizer variables");
      }
      for (int i = 0; i < vars.size(); i++) {
        Weight v = vars.get(i);
        r.addTarget(
            optimizerValues == null
                ? tf.assignVariableOp(v.handle(tf), v.initializer().call(tf, v.shape(), v.dtype()))
                : assign(v, optimizerValues.get(i)));
      }
      r.run().close();
    }

    private Op assign(Weight w, JsonNode values) {
      Operand<TFloat64> value =
          tf.constant(w.shape(), DataBuffers.of(doubles(values), true, false));
      return tf.assignVariableOp(w.handle(tf), tf.dtypes.cast(value, w.dtype()));
    }

    /** Keras' {@code fit(shuffle=False)}: the batches in order, the last one possibly smaller. */
    void fit(int epochs) {
      int n = c.get("x_shape").get(0).asInt();
      int in = c.get("x_shape").get(1).asInt();
      int out = c.get("y_shape").get(1).asInt();
      int batch = c.get("batch_size").asInt();
      float[] xs = floats(c.get("x"));
      float[] ys = floats(c.get("y"));
      for (int e = 0; e < epochs; e++) {
        for (int b = 0; b < n; b += batch) {
          int m = Math.min(batch, n - b);
          try (TFloat32 xb =
                  TFloat32.tensorOf(
                      Shape.of(m, in),
                      DataBuffers.of(Arrays.copyOfRange(xs, b * in, (b + m) * in), true, false));
              TFloat32 yb =
                  TFloat32.tensorOf(
                      Shape.of(m, out),
                      DataBuffers.of(
                          Arrays.copyOfRange(ys, b * out, (b + m) * out), true, false))) {
            session.runner().feed(x, xb).feed(y, yb).addTarget(step).run().close();
          }
        }
      }
    }

    void assertState(JsonNode weightValues, JsonNode optimizerValues) {
      double rtol = c.get("rtol").asDouble();
      double atol = c.get("atol").asDouble();
      for (int i = 0; i < weights.size(); i++) {
        assertClose(weightValues.get(i), read(weights.get(i)), rtol, atol, weights.get(i));
      }
      List<Weight> vars = optimizer.variables();
      assertEquals(optimizerValues.size(), vars.size(), "optimizer variables");
      for (int i = 0; i < vars.size(); i++) {
        assertClose(optimizerValues.get(i), read(vars.get(i)), rtol, atol, vars.get(i));
      }
    }

    private static void assertClose(
        JsonNode expected, double[] actual, double rtol, double atol, Weight w) {
      assertEquals(expected.size(), actual.length, w.path());
      for (int j = 0; j < actual.length; j++) {
        double e = expected.get(j).doubleValue();
        if (!(Math.abs(actual[j] - e) <= atol + rtol * Math.abs(e))) {
          fail(w.path() + "[" + j + "]: Keras " + e + ", Keras4J " + actual[j]);
        }
      }
    }

    private double[] read(Weight w) {
      try (Result r = session.runner().fetch(tf.dtypes.cast(w.read(tf), TFloat64.class)).run()) {
        TFloat64 t = (TFloat64) r.get(0);
        double[] out = new double[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }
}
