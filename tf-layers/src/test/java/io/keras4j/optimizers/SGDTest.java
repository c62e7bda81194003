package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SGDTest {

  /** Keras' SGD rule for one weight, in double: {@code m} is updated in place. */
  static void reference(
      double[] w, double[] m, double[] g, double lr, double momentum, boolean nesterov) {
    for (int i = 0; i < w.length; i++) {
      if (momentum == 0) {
        w[i] -= lr * g[i];
        continue;
      }
      m[i] = momentum * m[i] - lr * g[i];
      w[i] = nesterov ? w[i] - lr * g[i] + momentum * m[i] : w[i] + m[i];
    }
  }

  @ParameterizedTest(name = "momentum={0}, nesterov={1}")
  @CsvSource({"0.0, false", "0.9, false", "0.9, true", "0.5, true"})
  void steps_follow_keras_rule(double momentum, boolean nesterov) {
    Random random = new Random(7);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.1;
    SGD sgd =
        new SGD(
            SGDConfig.builder()
                .learningRate(lr)
                .momentum(momentum)
                .nesterov(nesterov)
                .name("sgd")
                .build());
    try (Training t = Training.of(sgd, params)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      double[][] m = {new double[6], new double[2]};
      for (int s = 0; s < 4; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          reference(w[i], m[i], doubles(g[i]), (float) lr, (float) momentum, nesterov);
          assertClose(w[i], t.read(t.weights.get(i)), "step " + s + " weight " + i);
          if (momentum != 0) {
            assertClose(m[i], t.read(sgd.variables().get(2 + i)), "step " + s + " momentum " + i);
          }
        }
      }
      assertArrayEquals(new double[] {4}, t.read(sgd.iterations()));
    }
  }

  /**
   * Without momentum the update runs as one fused kernel; it must round as Keras' {@code
   * assign_sub(g * lr)} does, twice in float32: {@code w - (g * lr)}, bit for bit.
   */
  @Test
  void plain_step_rounds_as_keras_bit_for_bit() {
    Random random = new Random(11);
    int n = 4099;
    float[] w = new float[n];
    for (int i = 0; i < n; i++) w[i] = (float) random.nextGaussian();
    List<Training.Param> params =
        List.of(new Training.Param("dense/kernel", org.tensorflow.ndarray.Shape.of(n), w.clone()));
    float lr = 0.037f;
    try (Training t = Training.of(new SGD(SGDConfig.builder().learningRate(lr).build()), params)) {
      for (int s = 0; s < 3; s++) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) g[i] = (float) (random.nextGaussian() * Math.pow(10, s - 1));
        t.step(new float[][] {g});
        for (int i = 0; i < n; i++) w[i] = w[i] - g[i] * lr;
        double[] got = t.read(t.weights.get(0));
        for (int i = 0; i < n; i++) {
          assertEquals(w[i], (float) got[i], "step " + s + ", element " + i);
        }
      }
    }
  }

  @Test
  void variables_are_keras_ones_in_keras_order() {
    // As train_mlp_sgd_momentum/trained.keras: iteration, learning_rate, one momentum per weight.
    SGD sgd = new SGD(SGDConfig.builder().momentum(0.9).name("sgd").build());
    try (Training t = Training.of(sgd, Training.dense(new Random(1)))) {
      assertEquals(
          List.of(
              "sgd/iteration [] TInt32",
              "sgd/learning_rate [] TFloat32",
              "sgd/dense_kernel_momentum [3, 2] TFloat32",
              "sgd/dense_bias_momentum [2] TFloat32"),
          Training.layout(sgd));
      assertEquals("dense_kernel_momentum", sgd.variables().get(2).name());
    }
    // As train_loss_mae/trained.keras: no slots without momentum.
    SGD plain = new SGD(SGDConfig.builder().name("sgd_6").build());
    plain.build(List.of());
    assertEquals(
        List.of("sgd_6/iteration [] TInt32", "sgd_6/learning_rate [] TFloat32"),
        Training.layout(plain));
  }

  @Test
  void steps_against_the_gradient_lower_a_convex_quadratic() {
    Quadratic.assertLowers(new SGD(SGDConfig.builder().learningRate(0.1).build()));
    Quadratic.assertLowers(
        new SGD(SGDConfig.builder().learningRate(0.05).momentum(0.9).nesterov(true).build()));
  }
}
