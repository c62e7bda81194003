package io.keras4j.losses;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tensorflow.EagerSession;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * Runs losses on small arrays and checks what every loss must satisfy: a reference written from
 * Keras' formula, a gradient that matches finite differences, and a config that reads back equal.
 */
final class LossKit {

  private LossKit() {}

  /** A tensor's values, row-major, with its shape. */
  record Data(Shape shape, double[] values) {
    static Data of(Shape shape, double... values) {
      assertEquals(shape.size(), values.length, "values for " + shape);
      return new Data(shape, values);
    }

    /** Uniform values in {@code [lo, hi)} from a fixed seed. */
    static Data uniform(long seed, Shape shape, double lo, double hi) {
      Random r = new Random(seed);
      double[] v = new double[(int) shape.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = lo + (hi - lo) * r.nextDouble();
      }
      return new Data(shape, v);
    }

    /** Positive rows summing to one along the last axis, from a fixed seed. */
    static Data probabilities(long seed, Shape shape) {
      Data d = uniform(seed, shape, 0.05, 1.0);
      int k = (int) shape.get(shape.numDimensions() - 1);
      for (int row = 0; row < d.values.length / k; row++) {
        double s = 0;
        for (int j = 0; j < k; j++) s += d.values[row * k + j];
        for (int j = 0; j < k; j++) d.values[row * k + j] /= s;
      }
      return d;
    }

    /** One-hot rows of {@code k} classes, class {@code i mod k} hot in row {@code i} shuffled. */
    static Data oneHot(long seed, int rows, int k) {
      Random r = new Random(seed);
      double[] v = new double[rows * k];
      for (int i = 0; i < rows; i++) v[i * k + r.nextInt(k)] = 1;
      return new Data(Shape.of(rows, k), v);
    }

    /** Integer values in {@code [0, n)} from a fixed seed. */
    static Data ints(long seed, Shape shape, int n) {
      Random r = new Random(seed);
      double[] v = new double[(int) shape.size()];
      for (int i = 0; i < v.length; i++) v[i] = r.nextInt(n);
      return new Data(shape, v);
    }

    int rows() {
      return (int) shape.get(0);
    }

    int width() {
      return (int) (shape.size() / shape.get(0));
    }

    double at(int row, int col) {
      return values[row * width() + col];
    }

    double[] row(int row) {
      double[] r = new double[width()];
      System.arraycopy(values, row * width(), r, 0, r.length);
      return r;
    }

    <T extends TFloating> Operand<T> constant(Ops tf, Class<T> dtype) {
      return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(values, true, false)), dtype);
    }
  }

  /** {@code loss.call(yTrue, yPred)} in an eager session, in {@code dtype}, as doubles. */
  static double[] call(Loss loss, Data yTrue, Data yPred, Class<? extends TFloating> dtype) {
    return eager(tf -> loss.call(tf, yTrue.constant(tf, dtype), yPred.constant(tf, dtype)));
  }

  /** {@link #call} in float64. */
  static double[] call(Loss loss, Data yTrue, Data yPred) {
    return call(loss, yTrue, yPred, TFloat64.class);
  }

  /** {@code loss.apply(yTrue, yPred, sampleWeight)} in float64, as doubles. */
  static double[] apply(Loss loss, Data yTrue, Data yPred, @Nullable Data sampleWeight) {
    return eager(
        tf ->
            loss.apply(
                tf,
                yTrue.constant(tf, TFloat64.class),
                yPred.constant(tf, TFloat64.class),
                sampleWeight == null ? null : sampleWeight.constant(tf, TFloat64.class)));
  }

  /** Evaluates {@code f} eagerly and reads its value as doubles. */
  static double[] eager(Function<Ops, Operand<? extends TFloating>> f) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      try (TFloat64 t = tf.dtypes.cast(f.apply(tf), TFloat64.class).asTensor()) {
        double[] out = new double[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }

  /** Per-sample reference values: one per row of {@code (rows, d)} inputs. */
  interface RowReference {
    double of(double[] yTrue, double[] yPred);
  }

  /**
   * Checks {@code loss.call} against a reference over rows, in float64 (to {@code 1e-12}) and in
   * float32 (to {@code 1e-5} relative), and checks that {@code apply} is their mean.
   */
  static void assertRows(Loss loss, Data yTrue, Data yPred, RowReference reference) {
    double[] want = new double[yPred.rows()];
    for (int i = 0; i < want.length; i++) {
      want[i] = reference.of(yTrue.row(i), yPred.row(i));
    }
    double[] got = call(loss, yTrue, yPred);
    assertEquals(want.length, got.length, loss + ": one loss per row");
    double[] got32 = call(loss, yTrue, yPred, TFloat32.class);
    double mean = 0;
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), loss + " row " + i);
      assertEquals(want[i], got32[i], 1e-5 * Math.max(1, Math.abs(want[i])), loss + " f32 " + i);
      mean += want[i] / want.length;
    }
    double[] reduced = apply(loss, yTrue, yPred, null);
    assertEquals(1, reduced.length);
    assertEquals(mean, reduced[0], 1e-12 * Math.max(1, Math.abs(mean)), loss + " reduced");
  }

  /**
   * Differentiates {@code loss.apply} with respect to the predictions in a graph, as training does,
   * and compares the gradient with central differences in float64.
   */
  static void assertGradient(Loss loss, Data yTrue, Data yPred) {
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(yPred.shape()));
      Operand<TFloat64> value = loss.apply(tf, yTrue.constant(tf, TFloat64.class), x, null);
      Output<?>[] grad = g.addGradients(value.asOutput(), new Output<?>[] {x.asOutput()});
      double[] analytic = new double[yPred.values().length];
      try (TFloat64 in = tensor(yPred.shape(), yPred.values());
          Result r = session.runner().feed(x, in).fetch(grad[0]).run()) {
        ((TFloat64) r.get(0)).copyTo(DataBuffers.of(analytic, false, false));
      }
      double h = 1e-6;
      for (int i = 0; i < analytic.length; i++) {
        assertTrue(Double.isFinite(analytic[i]), loss + " gradient " + i + " is " + analytic[i]);
        double[] plus = yPred.values().clone();
        double[] minus = yPred.values().clone();
        plus[i] += h;
        minus[i] -= h;
        double numeric =
            (run(session, x, value, yPred.shape(), plus)
                    - run(session, x, value, yPred.shape(), minus))
                / (2 * h);
        assertEquals(
            numeric, analytic[i], 1e-5 * Math.max(1, Math.abs(numeric)), loss + " d/dpred" + i);
      }
    }
  }

  private static double run(
      Session session, Placeholder<TFloat64> x, Operand<TFloat64> y, Shape shape, double[] v) {
    try (TFloat64 in = tensor(shape, v);
        Result r = session.runner().feed(x, in).fetch(y).run()) {
      return ((TFloat64) r.get(0)).getDouble();
    }
  }

  private static TFloat64 tensor(Shape shape, double[] v) {
    return TFloat64.tensorOf(shape, DataBuffers.of(v, true, false));
  }

  private static final ReadContext READ = ReadContext.of(KerasRegistry.builtins());

  /** {@code loss} written as Keras JSON. */
  static JsonNode write(Loss loss) {
    try {
      return KerasJson.mapper()
          .readTree(
              KerasJson.mapper()
                  .writer()
                  .withAttribute(KerasRegistry.class, KerasRegistry.builtins())
                  .writeValueAsString(loss));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loss read from Keras JSON (an envelope, a function form or a name). */
  static Loss read(JsonNode json) {
    try {
      return KerasJson.mapper()
          .readerFor(Loss.class)
          .withAttribute(ReadContext.class, READ)
          .readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loss read from Keras JSON text. */
  static Loss read(String json) {
    try {
      return read(KerasJson.mapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code loss}, checks the envelope names its Keras class with exactly {@code keys} in its
   * config, reads it back equal, and writes the copy identically.
   */
  static void assertRoundTrip(Loss loss, String className, String... keys) {
    JsonNode json = write(loss);
    assertEquals("keras.losses", json.get("module").asText(), json.toString());
    assertEquals(className, json.get("class_name").asText(), json.toString());
    assertTrue(json.get("registered_name").isNull(), json.toString());
    java.util.Set<String> got = new java.util.TreeSet<>();
    json.get("config").fieldNames().forEachRemaining(got::add);
    assertEquals(new java.util.TreeSet<>(java.util.List.of(keys)), got, json.toString());
    Loss back = read(json);
    assertEquals(loss, back);
    assertJsonEquals(json, write(back));
  }
}
