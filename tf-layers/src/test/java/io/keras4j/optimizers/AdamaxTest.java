package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamaxTest {

  @Test
  void steps_follow_keras_rule() {
    Random random = new Random(19);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.02;
    double b1 = (float) 0.9;
    double b2 = (float) 0.999;
    Adamax adamax = new Adamax(AdamaxConfig.builder().learningRate(lr).epsilon(0.01).build());
    try (Training t = Training.of(adamax, params)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      double[][] m = {new double[6], new double[2]};
      double[][] u = {new double[6], new double[2]};
      for (int s = 1; s <= 5; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          double[] gi = doubles(g[i]);
          for (int j = 0; j < w[i].length; j++) {
            m[i][j] = m[i][j] * b1 + (float) (1 - 0.9) * gi[j];
            u[i][j] = Math.max(u[i][j] * b2, Math.abs(gi[j]));
            w[i][j] -= m[i][j] * (float) lr / ((u[i][j] + (float) 0.01) * (1 - Math.pow(b1, s)));
          }
          String at = "step " + s + " weight " + i;
          assertClose(w[i], t.read(t.weights.get(i)), at);
          assertClose(m[i], t.read(adamax.variables().get(2 + 2 * i)), at + " momentum");
          assertClose(u[i], t.read(adamax.variables().get(3 + 2 * i)), at + " norm");
        }
      }
    }
  }

  @Test
  void variables_are_keras_ones_in_keras_order() {
    // As train_adamax_piecewise/trained.keras, where a schedule leaves out learning_rate:
    // momentum and norm interleaved per weight.
    Adamax adamax =
        new Adamax(
            AdamaxConfig.builder()
                .learningRate(
                    io.keras4j.optimizers.schedules.PiecewiseConstantDecay.of(
                        List.of(4.0, 8.0), List.of(0.02, 0.01, 0.005)))
                .name("adamax")
                .build());
    adamax.build(Training.weights(Training.dense(new Random(1))));
    assertEquals(
        List.of(
            "adamax/iteration [] TInt32",
            "adamax/dense_kernel_momentum [3, 2] TFloat32",
            "adamax/dense_kernel_norm [3, 2] TFloat32",
            "adamax/dense_bias_momentum [2] TFloat32",
            "adamax/dense_bias_norm [2] TFloat32"),
        Training.layout(adamax));
  }

  @Test
  void steps_against_the_gradient_lower_a_convex_quadratic() {
    Quadratic.assertLowers(new Adamax(AdamaxConfig.builder().learningRate(0.1).build()));
  }
}
