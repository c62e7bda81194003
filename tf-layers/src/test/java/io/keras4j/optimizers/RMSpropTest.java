package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RMSpropTest {

  /** Keras' RMSprop state for one weight (torch backend's epsilon placement), in double. */
  static final class Reference {
    final double[] w;
    final double[] v;
    final double[] momentum;
    final double[] average;

    Reference(float[] w) {
      this.w = doubles(w);
      v = new double[w.length];
      momentum = new double[w.length];
      average = new double[w.length];
    }

    void step(double[] g, double lr, double rho, double mu, double eps, boolean centered) {
      double r = (float) rho;
      double oneMinusR = (float) (1 - rho);
      for (int i = 0; i < w.length; i++) {
        v[i] = v[i] * r + oneMinusR * g[i] * g[i];
        double denominator = v[i] + (float) eps;
        if (centered) {
          average[i] = average[i] * r + oneMinusR * g[i];
          denominator -= average[i] * average[i];
        }
        double increment = g[i] * lr / Math.sqrt(denominator);
        if (mu > 0) {
          momentum[i] = momentum[i] * (float) mu + increment;
          w[i] -= momentum[i];
        } else {
          w[i] -= increment;
        }
      }
    }
  }

  @ParameterizedTest(name = "momentum={0}, centered={1}")
  @CsvSource({"0.0, false", "0.5, false", "0.0, true", "0.5, true"})
  void steps_follow_keras_rule(double momentum, boolean centered) {
    Random random = new Random(13);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.01;
    RMSprop rms =
        new RMSprop(
            RMSpropConfig.builder()
                .learningRate(lr)
                .rho(0.8)
                .momentum(momentum)
                .centered(centered)
                .epsilon(0.01)
                .build());
    try (Training t = Training.of(rms, params)) {
      Reference[] ref = {
        new Reference(params.get(0).values()), new Reference(params.get(1).values())
      };
      int momentumAt = 4;
      int averageAt = momentum > 0 ? 6 : 4;
      for (int s = 1; s <= 5; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          ref[i].step(doubles(g[i]), (float) lr, 0.8, momentum, 0.01, centered);
          String at = "step " + s + " weight " + i;
          assertClose(ref[i].w, t.read(t.weights.get(i)), at);
          assertClose(ref[i].v, t.read(rms.variables().get(2 + i)), at + " velocity");
          if (momentum > 0) {
            assertClose(
                ref[i].momentum, t.read(rms.variables().get(momentumAt + i)), at + " momentum");
          }
          if (centered) {
            assertClose(
                ref[i].average, t.read(rms.variables().get(averageAt + i)), at + " average");
          }
        }
      }
    }
  }

  @Test
  void variables_are_keras_ones_in_keras_order() {
    // As train_rmsprop_centered_momentum/trained.keras: all velocities, then all momentums, then
    // all average gradients.
    RMSprop rms =
        new RMSprop(
            RMSpropConfig.builder().momentum(0.5).centered(true).name("rm_sprop_1").build());
    rms.build(Training.weights(Training.dense(new Random(1))));
    assertEquals(
        List.of(
            "rm_sprop_1/iteration [] TInt32",
            "rm_sprop_1/learning_rate [] TFloat32",
            "rm_sprop_1/dense_kernel_velocity [3, 2] TFloat32",
            "rm_sprop_1/dense_bias_velocity [2] TFloat32",
            "rm_sprop_1/dense_kernel_momentum [3, 2] TFloat32",
            "rm_sprop_1/dense_bias_momentum [2] TFloat32",
            "rm_sprop_1/dense_kernel_average_gradient [3, 2] TFloat32",
            "rm_sprop_1/dense_bias_average_gradient [2] TFloat32"),
        Training.layout(rms));
    RMSprop plain = new RMSprop(RMSpropConfig.builder().name("rms").build());
    plain.build(Training.weights(Training.dense(new Random(1))));
    assertEquals(4, plain.variables().size());
  }

  @Test
  void steps_against_the_gradient_lower_a_convex_quadratic() {
    Quadratic.assertLowers(new RMSprop(RMSpropConfig.builder().learningRate(0.05).build()));
    Quadratic.assertLowers(
        new RMSprop(
            RMSpropConfig.builder().learningRate(0.02).momentum(0.5).centered(true).build()));
  }
}
