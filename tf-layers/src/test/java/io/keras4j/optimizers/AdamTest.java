package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdamTest {

  /** Keras' Adam state for one weight, updated by {@link #step} in double. */
  static final class Reference {
    final double[] w;
    final double[] m;
    final double[] v;
    final double[] vHat;

    Reference(float[] w) {
      this.w = doubles(w);
      m = new double[w.length];
      v = new double[w.length];
      vHat = new double[w.length];
    }

    /**
     * Step {@code t} (from 1). Scalars are float32 as Keras casts them: {@code beta} and {@code 1 -
     * beta} each rounded once.
     */
    void step(int t, double[] g, double lr, double beta1, double beta2, double eps, boolean ams) {
      double b1 = (float) beta1;
      double b2 = (float) beta2;
      double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
      for (int i = 0; i < w.length; i++) {
        m[i] = m[i] * b1 + (float) (1 - beta1) * g[i];
        v[i] = v[i] * b2 + (float) (1 - beta2) * g[i] * g[i];
        double denominator = v[i];
        if (ams) {
          vHat[i] = Math.max(vHat[i], v[i]);
          denominator = vHat[i];
        }
        w[i] -= m[i] * alpha / (Math.sqrt(denominator) + (float) eps);
      }
    }
  }

  @ParameterizedTest(name = "amsgrad={0}")
  @ValueSource(booleans = {false, true})
  void steps_follow_keras_rule(boolean amsgrad) {
    Random random = new Random(11);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.02;
    Adam adam =
        new Adam(
            AdamConfig.builder()
                .learningRate(lr)
                .beta1(0.8)
                .epsilon(0.01)
                .amsgrad(amsgrad)
                .name("adam")
                .build());
    try (Training t = Training.of(adam, params)) {
      Reference[] ref = {
        new Reference(params.get(0).values()), new Reference(params.get(1).values())
      };
      for (int s = 1; s <= 5; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          ref[i].step(s, doubles(g[i]), (float) lr, 0.8, 0.999, 0.01, amsgrad);
          String at = "step " + s + " weight " + i;
          assertClose(ref[i].w, t.read(t.weights.get(i)), at);
          assertClose(ref[i].m, t.read(adam.variables().get(2 + 2 * i)), at + " momentum");
          assertClose(ref[i].v, t.read(adam.variables().get(3 + 2 * i)), at + " velocity");
          if (amsgrad) {
            assertClose(ref[i].vHat, t.read(adam.variables().get(6 + i)), at + " velocity_hat");
          }
        }
      }
    }
  }

  @Test
  void variables_are_keras_ones_in_keras_order() {
    // As train_adam_amsgrad_clipvalue/trained.keras: momentum and velocity interleaved per weight,
    // then the velocity_hats.
    Adam adam = new Adam(AdamConfig.builder().amsgrad(true).name("adam_3").build());
    try (Training t = Training.of(adam, Training.dense(new Random(1)))) {
      assertEquals(
          List.of(
              "adam_3/iteration [] TInt32",
              "adam_3/learning_rate [] TFloat32",
              "adam_3/dense_kernel_momentum [3, 2] TFloat32",
              "adam_3/dense_kernel_velocity [3, 2] TFloat32",
              "adam_3/dense_bias_momentum [2] TFloat32",
              "adam_3/dense_bias_velocity [2] TFloat32",
              "adam_3/dense_kernel_velocity_hat [3, 2] TFloat32",
              "adam_3/dense_bias_velocity_hat [2] TFloat32"),
          Training.layout(adam));
    }
  }

  @Test
  void steps_against_the_gradient_lower_a_convex_quadratic() {
    Quadratic.assertLowers(new Adam(AdamConfig.builder().learningRate(0.1).build()));
    Quadratic.assertLowers(new Adam(AdamConfig.builder().learningRate(0.1).amsgrad(true).build()));
  }
}
