package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NadamTest {

  @Test
  void steps_follow_keras_rule() {
    Random random = new Random(23);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.01;
    double b1 = (float) 0.9;
    double b2 = (float) 0.999;
    double decay = (float) 0.96;
    Nadam nadam = new Nadam(NadamConfig.builder().learningRate(lr).epsilon(0.01).build());
    try (Training t = Training.of(nadam, params)) {
      double[][] w = {doubles(params.get(0).values()), doubles(params.get(1).values())};
      double[][] m = {new double[6], new double[2]};
      double[][] v = {new double[6], new double[2]};
      double product = 1;
      for (int s = 1; s <= 5; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        double uT = b1 * (1 - 0.5 * Math.pow(decay, s));
        double uT1 = b1 * (1 - 0.5 * Math.pow(decay, s + 1));
        product *= uT;
        double productT1 = product * uT1;
        for (int i = 0; i < 2; i++) {
          double[] gi = doubles(g[i]);
          for (int j = 0; j < w[i].length; j++) {
            m[i][j] = m[i][j] * b1 + (float) (1 - 0.9) * gi[j];
            v[i][j] = v[i][j] * b2 + (float) (1 - 0.999) * gi[j] * gi[j];
            double mHat = uT1 * m[i][j] / (1 - productT1) + (1 - uT) * gi[j] / (1 - product);
            double vHat = v[i][j] / (1 - Math.pow(b2, s));
            w[i][j] -= mHat * (float) lr / (Math.sqrt(vHat) + (float) 0.01);
          }
          String at = "step " + s + " weight " + i;
          assertClose(w[i], t.read(t.weights.get(i)), at);
          assertClose(m[i], t.read(nadam.variables().get(2 + 2 * i)), at + " momentum");
          assertClose(v[i], t.read(nadam.variables().get(3 + 2 * i)), at + " velocity");
        }
        assertClose(new double[] {product}, t.read(nadam.variables().get(6)), "u_product");
      }
    }
  }

  @Test
  void variables_are_keras_ones_in_keras_order() {
    // Keras' Nadam: momentum and velocity interleaved per weight, then the scalar u_product.
    Nadam nadam = new Nadam(NadamConfig.builder().name("nadam").build());
    nadam.build(Training.weights(Training.dense(new Random(1))));
    assertEquals(
        List.of(
            "nadam/iteration [] TInt32",
            "nadam/learning_rate [] TFloat32",
            "nadam/dense_kernel_momentum [3, 2] TFloat32",
            "nadam/dense_kernel_velocity [3, 2] TFloat32",
            "nadam/dense_bias_momentum [2] TFloat32",
            "nadam/dense_bias_velocity [2] TFloat32",
            "nadam/u_product [] TFloat32"),
        Training.layout(nadam));
  }

  @Test
  void steps_against_the_gradient_lower_a_convex_quadratic() {
    Quadratic.assertLowers(new Nadam(NadamConfig.builder().learningRate(0.1).build()));
  }
}
