package io.keras4j.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.EagerSession;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Runs layers eagerly on small arrays for the property tests of this package, so that two layers
 * (or a layer and its parts) can be compared on the same inputs. Every call opens and closes its
 * own eager session.
 */
final class Eager {

  private Eager() {}

  /** Builds the layer for inputs of shape {@code (None, dims...)}, as a model would. */
  static void build(Layer layer, long... dims) {
    try (Graph g = new Graph()) {
      layer.ensureBuilt(Ops.create(g), List.of(Shape.of(dims).prepend(Shape.UNKNOWN_SIZE)), false);
    }
  }

  /** The outputs of {@code layer} on {@code x} (and states after it), as Java arrays. */
  static List<Object> run(Layer layer, float[][][] x, float[][]... states) {
    return run(layer, x, null, states);
  }

  /** The same, with a mask {@code (batch, timesteps)} on the sequence. */
  static List<Object> run(
      Layer layer, float[][][] x, boolean @Nullable [][] mask, float[][]... states) {
    return run(layer, false, x, mask, states);
  }

  /** The outputs of {@code layer} on {@code x} in training mode (dropout on). */
  static List<Object> runTraining(Layer layer, float[][][] x) {
    return run(layer, true, x, null);
  }

  private static List<Object> run(
      Layer layer,
      boolean training,
      float[][][] x,
      boolean @Nullable [][] mask,
      float[][]... states) {
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      List<Operand<?>> inputs = new ArrayList<>();
      inputs.add(tf.constant(x));
      for (float[][] s : states) inputs.add(tf.constant(s));
      CallContext context = CallContext.of(training);
      if (mask != null) {
        List<@Nullable Operand<TBool>> masks = new ArrayList<>();
        masks.add(tf.constant(mask));
        context = context.withMasks(masks);
      }
      if (states.length > 0) {
        context = context.withArguments(Map.of(), Map.of("initial_state", 1));
      }
      List<Object> out = new ArrayList<>();
      for (Operand<?> y : layer.apply(tf, inputs, context)) out.add(toArray(y));
      return out;
    }
  }

  private static Object toArray(Operand<?> y) {
    TFloat32 t = (TFloat32) y.asTensor();
    return switch (t.rank()) {
      case 2 -> StdArrays.array2dCopyOf(t);
      case 3 -> StdArrays.array3dCopyOf(t);
      default -> throw new IllegalArgumentException("rank " + t.rank());
    };
  }

  /** Deterministic inputs in {@code [-1, 1]}. */
  static float[][][] sequence(int batch, int steps, int features, double phase) {
    float[][][] x = new float[batch][steps][features];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < steps; t++) {
        for (int f = 0; f < features; f++) {
          x[b][t][f] = (float) Math.sin(phase + 1.7 * b + 0.9 * t + 0.45 * f);
        }
      }
    }
    return x;
  }

  /** The sequence with its time axis reversed. */
  static float[][][] reversed(float[][][] x) {
    float[][][] r = new float[x.length][][];
    for (int b = 0; b < x.length; b++) {
      r[b] = new float[x[b].length][];
      for (int t = 0; t < x[b].length; t++) r[b][t] = x[b][x[b].length - 1 - t].clone();
    }
    return r;
  }

  /** A seeded initializer, so that two layers built with it hold the same weights. */
  static Initializer seeded(long seed) {
    return RandomUniform.builder().seed(seed).minval(-0.6).maxval(0.6).build();
  }

  /** Step {@code t} of every sequence in a {@code (batch, timesteps, units)} output. */
  static float[][] step(float[][][] y, int t) {
    float[][] out = new float[y.length][];
    for (int b = 0; b < y.length; b++) out[b] = y[b][t];
    return out;
  }

  /** Features {@code [from, to)} of every step of a {@code (batch, timesteps, units)} output. */
  static float[][][] features(float[][][] y, int from, int to) {
    float[][][] out = new float[y.length][y[0].length][to - from];
    for (int b = 0; b < y.length; b++) {
      for (int t = 0; t < y[b].length; t++) {
        System.arraycopy(y[b][t], from, out[b][t], 0, to - from);
      }
    }
    return out;
  }

  static void assertClose(float[][] expected, float[][] actual, double tolerance) {
    assertEquals(expected.length, actual.length, "batch");
    for (int b = 0; b < expected.length; b++) {
      assertEquals(expected[b].length, actual[b].length, "units");
      for (int i = 0; i < expected[b].length; i++) {
        assertEquals(expected[b][i], actual[b][i], tolerance, "[" + b + "][" + i + "]");
      }
    }
  }

  static void assertClose(float[][][] expected, float[][][] actual, double tolerance) {
    assertEquals(expected.length, actual.length, "batch");
    for (int b = 0; b < expected.length; b++) assertClose(expected[b], actual[b], tolerance);
  }
}
