package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.constraints.NonNeg;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** The template every optimizer shares: clipping, weight decay, constraints, the step count. */
class BaseOptimizerTest {

  private static final double LR = 0.5;

  private static SGDConfig.Builder sgd() {
    return SGDConfig.builder().learningRate(LR);
  }

  /** The gradient one plain SGD step used: the change of every weight divided by {@code -lr}. */
  private static double[][] appliedGradients(SGDConfig config, float[][] g) {
    List<Training.Param> params = Training.dense(new Random(2));
    try (Training t = Training.of(new SGD(config), params)) {
      t.step(g);
      double[][] out = new double[2][];
      for (int i = 0; i < 2; i++) {
        double[] before = doubles(params.get(i).values());
        double[] after = t.read(t.weights.get(i));
        out[i] = new double[after.length];
        for (int j = 0; j < after.length; j++) {
          out[i][j] = (before[j] - after[j]) / (float) LR;
        }
      }
      return out;
    }
  }

  private static double norm(double[]... xs) {
    double s = 0;
    for (double[] x : xs) for (double v : x) s += v * v;
    return Math.sqrt(s);
  }

  private static float[][] scaled(float[][] g, float factor) {
    float[][] out = new float[g.length][];
    for (int i = 0; i < g.length; i++) {
      out[i] = g[i].clone();
      for (int j = 0; j < out[i].length; j++) out[i][j] *= factor;
    }
    return out;
  }

  @Test
  void clipnorm_scales_each_gradient_down_to_the_norm() {
    float[][] g = scaled(Training.denseGradients(new Random(4)), 10);
    double[][] used = appliedGradients(sgd().clipnorm(0.5).build(), g);
    for (int i = 0; i < 2; i++) {
      double n = norm(doubles(g[i]));
      double[] expected = doubles(g[i]);
      for (int j = 0; j < expected.length; j++) expected[j] *= 0.5 / Math.max(n, 0.5);
      assertClose(expected, used[i], "gradient " + i);
      assertTrue(norm(used[i]) <= 0.5 + 1e-5, "norm " + norm(used[i]));
    }
    // A zero gradient stays zero (Keras' two-tap where), and a small one is left as it is.
    float[][] small = scaled(g, 1e-3f);
    small[1] = new float[2];
    double[][] usedSmall = appliedGradients(sgd().clipnorm(0.5).build(), small);
    assertClose(doubles(small[0]), usedSmall[0], "small gradient");
    assertArrayEquals(new double[2], usedSmall[1]);
  }

  @Test
  void global_clipnorm_scales_all_gradients_together() {
    float[][] g = scaled(Training.denseGradients(new Random(4)), 10);
    double[][] used = appliedGradients(sgd().globalClipnorm(0.5).build(), g);
    double n = norm(doubles(g[0]), doubles(g[1]));
    for (int i = 0; i < 2; i++) {
      double[] expected = doubles(g[i]);
      for (int j = 0; j < expected.length; j++) expected[j] *= 0.5 / n;
      assertClose(expected, used[i], "gradient " + i);
    }
    assertEquals(0.5, norm(used[0], used[1]), 1e-5);
    float[][] small = scaled(g, 1e-3f);
    double[][] usedSmall = appliedGradients(sgd().globalClipnorm(0.5).build(), small);
    assertClose(doubles(small[0]), usedSmall[0], "small gradient");
  }

  @Test
  void clipvalue_clips_each_element() {
    float[][] g = Training.denseGradients(new Random(4));
    double[][] used = appliedGradients(sgd().clipvalue(0.3).build(), g);
    for (int i = 0; i < 2; i++) {
      double[] expected = doubles(g[i]);
      for (int j = 0; j < expected.length; j++) {
        expected[j] = Math.max(-(float) 0.3, Math.min((float) 0.3, expected[j]));
      }
      assertClose(expected, used[i], "gradient " + i);
    }
  }

  @Test
  void weight_decay_shrinks_weights_before_the_update_except_excluded_ones() {
    Random random = new Random(8);
    List<Training.Param> params = Training.dense(random);
    double wd = 0.2;
    SGD sgd = new SGD(sgd().weightDecay(wd).build());
    sgd.excludeFromWeightDecay(List.of(), List.of("bias"));
    try (Training t = Training.of(sgd, params)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      for (int s = 0; s < 3; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          double factor = i == 0 ? 1 - (float) wd * (float) LR : 1;
          for (int j = 0; j < w[i].length; j++) {
            w[i][j] = w[i][j] * factor - (float) LR * g[i][j];
          }
          assertClose(w[i], t.read(t.weights.get(i)), "step " + s + " weight " + i);
        }
      }
    }
    SGD byWeight = new SGD(sgd().weightDecay(wd).build());
    List<Weight> weights = Training.weights(params);
    byWeight.excludeFromWeightDecay(List.of(weights.get(0)), List.of());
    byWeight.build(weights);
    assertThrows(
        IllegalStateException.class, () -> byWeight.excludeFromWeightDecay(List.of(), List.of()));
  }

  @Test
  void weight_decay_follows_the_gradient_of_the_weights_before_the_step() {
    decayFollowsTheGradientOfTheWeightsBeforeTheStep(false);
  }

  @Test
  void updates_without_the_barrier_see_the_weights_read_before_the_step() {
    // Each weight is decayed and updated as soon as it may, while the gradient of the other one
    // may still be computing from the values read before the step.
    decayFollowsTheGradientOfTheWeightsBeforeTheStep(true);
  }

  private void decayFollowsTheGradientOfTheWeightsBeforeTheStep(boolean afterReads) {
    // The gradient w - c is computed from the same weights in the graph: it must see them before
    // the decay and the update assign them, at every step.
    Random random = new Random(9);
    List<Training.Param> params = Training.dense(random);
    float[][] centers = Training.denseGradients(random);
    double wd = 0.3;
    double mu = 0.5;
    SGD sgd = new SGD(sgd().weightDecay(wd).momentum(mu).nesterov(true).build());
    java.util.function.BiFunction<
            org.tensorflow.op.Ops, List<io.keras4j.layers.Weight>, List<Operand<?>>>
        gradients =
            (tf, weights) -> {
              List<Operand<?>> grads = new ArrayList<>();
              for (int i = 0; i < weights.size(); i++) {
                Operand<TFloat32> c =
                    tf.constant(weights.get(i).shape(), DataBuffers.of(centers[i], true, false));
                grads.add(tf.math.sub(weights.get(i).<TFloat32>read(tf), c));
              }
              return grads;
            };
    try (Training t =
        afterReads
            ? Training.computingAfterReads(sgd, params, gradients)
            : Training.computing(sgd, params, gradients)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      double[][] m = {new double[6], new double[2]};
      for (int s = 0; s < 6; s++) {
        t.step();
        for (int i = 0; i < 2; i++) {
          double[] g = new double[w[i].length];
          for (int j = 0; j < g.length; j++) {
            g[j] = w[i][j] - centers[i][j];
            w[i][j] *= 1 - (float) wd * (float) LR;
          }
          SGDTest.reference(w[i], m[i], g, (float) LR, (float) mu, true);
          assertClose(w[i], t.read(t.weights.get(i)), "step " + s + " weight " + i);
        }
      }
    }
  }

  @Test
  void constraints_project_the_updated_weights() {
    Random random = new Random(10);
    List<Training.Param> dense = Training.dense(random);
    Training.Param kernel = dense.get(0);
    List<Training.Param> params =
        List.of(
            new Training.Param(kernel.path(), kernel.shape(), kernel.values(), new NonNeg()),
            dense.get(1));
    try (Training t = Training.of(new SGD(sgd().build()), params)) {
      double[] w = doubles(kernel.values());
      for (int s = 0; s < 3; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int j = 0; j < w.length; j++) {
          w[j] = Math.max(0, w[j] - (float) LR * g[0][j]);
        }
        double[] got = t.read(t.weights.get(0));
        assertClose(w, got, "step " + s);
        assertTrue(Arrays.stream(got).allMatch(x -> x >= 0), Arrays.toString(got));
      }
    }
  }

  @Test
  void a_schedule_gives_each_step_its_rate_at_the_count_before_the_step() {
    Random random = new Random(12);
    List<Training.Param> params = Training.dense(random);
    ExponentialDecay schedule = ExponentialDecay.of(0.05, 3, 0.7);
    SGD sgd = new SGD(sgd().learningRate(schedule).build());
    assertTrue(sgd.learningRateVariable().isEmpty());
    try (Training t = Training.of(sgd, params)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      for (int step = 0; step < 5; step++) {
        double lr = (float) 0.05 * Math.pow((float) 0.7, step / 3.0);
        assertClose(new double[] {lr}, t.eval(sgd.learningRate(t.tf)), "rate at " + step);
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < w[i].length; j++) w[i][j] -= lr * g[i][j];
          assertClose(w[i], t.read(t.weights.get(i)), "step " + step + " weight " + i);
        }
        assertArrayEquals(new double[] {step + 1}, t.read(sgd.iterations()));
      }
    }
  }

  @Test
  void an_assigned_learning_rate_applies_from_the_next_step() {
    Random random = new Random(14);
    List<Training.Param> params = Training.dense(random);
    SGD sgd = new SGD(sgd().build());
    try (Training t = Training.of(sgd, params)) {
      Weight lr = sgd.learningRateVariable().orElseThrow();
      assertArrayEquals(new double[] {LR}, t.read(lr));
      t.session
          .runner()
          .addTarget(t.tf.assignVariableOp(lr.handle(t.tf), t.tf.constant(0.125f)))
          .run()
          .close();
      double[] w = doubles(params.get(0).values());
      float[][] g = Training.denseGradients(random);
      t.step(g);
      for (int j = 0; j < w.length; j++) w[j] -= 0.125 * g[0][j];
      assertClose(w, t.read(t.weights.get(0)), "weight");
    }
  }

  @Test
  void a_weight_without_gradient_is_left_alone() {
    Random random = new Random(15);
    List<Training.Param> params = Training.dense(random);
    float[][] g = Training.denseGradients(random);
    SGD sgd = new SGD(sgd().momentum(0.9).build());
    try (Training t =
        Training.computing(
            sgd,
            params,
            (tf, weights) -> {
              List<Operand<?>> grads = new ArrayList<>();
              grads.add(null);
              grads.add(tf.constant(Shape.of(2), DataBuffers.of(g[1], true, false)));
              return grads;
            })) {
      t.step();
      assertClose(doubles(params.get(0).values()), t.read(t.weights.get(0)), "kernel");
      double[] bias = doubles(params.get(1).values());
      for (int j = 0; j < 2; j++) bias[j] -= (float) LR * g[1][j];
      assertClose(bias, t.read(t.weights.get(1)), "bias");
      assertArrayEquals(new double[] {1}, t.read(sgd.iterations()));
    }
  }

  @Test
  void the_step_runs_after_the_callers_control_dependencies() {
    List<Training.Param> params = Training.dense(new Random(18));
    SGD sgd = new SGD(sgd().build());
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Weight> weights = Training.weights(params);
      WeightOptions zero = WeightOptions.of(new Zeros());
      Weight counter =
          Weight.create("counter", "test/counter", Shape.scalar(), TFloat32.class, zero);
      List<Operand<?>> grads = new ArrayList<>();
      for (Weight w : weights) grads.add(tf.zerosLike(w.<TFloat32>read(tf)));
      Op count = tf.assignAddVariableOp(counter.handle(tf), tf.constant(1f));
      Op step = sgd.apply(tf.withControlDependencies(List.of(count)), grads, weights);
      Session.Runner init = session.runner();
      List<Weight> all = new ArrayList<>(weights);
      all.add(counter);
      all.addAll(sgd.variables());
      for (Weight w : all) {
        init.addTarget(
            tf.assignVariableOp(w.handle(tf), w.initializer().call(tf, w.shape(), w.dtype())));
      }
      init.run().close();
      session.runner().addTarget(step).run().close();
      try (Result r = session.runner().fetch(counter.<TFloat32>read(tf)).run()) {
        assertEquals(1f, ((TFloat32) r.get(0)).getFloat());
      }
    }
  }

  @Test
  void settings_keras4j_does_not_implement_refuse_to_build() {
    List<Weight> weights = Training.weights(Training.dense(new Random(1)));
    List<SGDConfig> refused =
        List.of(
            sgd().useEma(true).build(),
            sgd().lossScaleFactor(128.0).build(),
            sgd().gradientAccumulationSteps(4).build());
    for (SGDConfig c : refused) {
      SGD sgd = new SGD(c);
      var e = assertThrows(UnsupportedOperationException.class, () -> sgd.build(weights));
      assertTrue(e.getMessage().contains(c.name()), e.getMessage());
    }
  }

  @Test
  void apply_refuses_weights_it_was_not_built_with() {
    List<Weight> built = Training.weights(Training.dense(new Random(1)));
    List<Weight> other = Training.weights(Training.dense(new Random(1)));
    SGD sgd = new SGD(sgd().build());
    sgd.build(built);
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      List<Operand<?>> grads = List.of(tf.zeros(tf.constant(Shape.of(3, 2)), TFloat32.class));
      var e =
          assertThrows(
              IllegalArgumentException.class, () -> sgd.apply(tf, grads, other.subList(0, 1)));
      assertTrue(e.getMessage().startsWith("Unknown variable"), e.getMessage());
    }
  }

  @Test
  void steps_run_eagerly_too() {
    Random random = new Random(16);
    List<Training.Param> params = Training.dense(random);
    List<Weight> weights = Training.weights(params);
    SGD sgd = new SGD(sgd().momentum(0.9).build());
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      double[][] m = {new double[6], new double[2]};
      for (int s = 0; s < 3; s++) {
        float[][] g = Training.denseGradients(random);
        List<Operand<?>> grads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          grads.add(tf.constant(weights.get(i).shape(), DataBuffers.of(g[i], true, false)));
        }
        sgd.apply(tf, grads, weights);
        for (int i = 0; i < 2; i++) {
          SGDTest.reference(w[i], m[i], doubles(g[i]), (float) LR, (float) 0.9, false);
          TFloat64 value = tf.dtypes.cast(weights.get(i).read(tf), TFloat64.class).asTensor();
          double[] got = new double[(int) value.size()];
          value.copyTo(DataBuffers.of(got, false, false));
          assertClose(w[i], got, "step " + s + " weight " + i);
        }
      }
    }
  }
}
