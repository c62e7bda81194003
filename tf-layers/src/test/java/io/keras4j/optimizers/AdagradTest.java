package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdagradTest {

  @Test
  void steps_follow_keras_rule() {
    Random random = new Random(17);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.1;
    double initial = 0.2;
    Adagrad adagrad =
        new Adagrad(
            AdagradConfig.builder()
                .learningRate(lr)
                .initialAccumulatorValue(initial)
                .epsilon(0.01)
                .build());
    try (Training t = Training.of(adagrad, params)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      double[][] a = {new double[6], new double[2]};
      for (double[] x : a) Arrays.fill(x, (float) initial);
      assertClose(a[0], t.read(adagrad.variables().get(2)), "initial accumulator");
      for (int s = 1; s <= 5; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          double[] gi = doubles(g[i]);
          for (int j = 0; j < w[i].length; j++) {
            a[i][j] += gi[j] * gi[j];
            w[i][j] -= gi[j] * (float) lr / Math.sqrt(a[i][j] + (float) 0.01);
          }
          String at = "step " + s + " weight " + i;
          assertClose(w[i], t.read(t.weights.get(i)), at);
          assertClose(a[i], t.read(adagrad.variables().get(2 + i)), at + " accumulator");
        }
      }
    }
  }

  @Test
  void variables_are_keras_ones_in_keras_order() {
    // As train_adagrad/trained.keras: one accumulator per weight.
    Adagrad adagrad = new Adagrad(AdagradConfig.builder().name("adagrad").build());
    adagrad.build(Training.weights(Training.dense(new Random(1))));
    assertEquals(
        List.of(
            "adagrad/iteration [] TInt32",
            "adagrad/learning_rate [] TFloat32",
            "adagrad/dense_kernel_accumulator [3, 2] TFloat32",
            "adagrad/dense_bias_accumulator [2] TFloat32"),
        Training.layout(adagrad));
  }

  @Test
  void steps_against_the_gradient_lower_a_convex_quadratic() {
    Quadratic.assertLowers(new Adagrad(AdagradConfig.builder().learningRate(0.5).build()));
  }
}
