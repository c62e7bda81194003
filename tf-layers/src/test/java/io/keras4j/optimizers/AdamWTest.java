package io.keras4j.optimizers;

import static io.keras4j.optimizers.Training.assertClose;
import static io.keras4j.optimizers.Training.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamWTest {

  @Test
  void steps_decay_the_weights_then_follow_adam() {
    Random random = new Random(5);
    List<Training.Param> params = Training.dense(random);
    double lr = 0.05;
    double wd = 0.1;
    AdamW adamw =
        new AdamW(AdamWConfig.builder().learningRate(lr).weightDecay(wd).name("adam_w").build());
    try (Training t = Training.of(adamw, params)) {
      AdamTest.Reference[] ref = {
        new AdamTest.Reference(params.get(0).values()),
        new AdamTest.Reference(params.get(1).values())
      };
      for (int s = 1; s <= 4; s++) {
        float[][] g = Training.denseGradients(random);
        t.step(g);
        for (int i = 0; i < 2; i++) {
          // Keras' decoupled decay, before the update: w = w * (1 - wd * lr).
          double factor = 1 - (float) wd * (float) lr;
          for (int j = 0; j < ref[i].w.length; j++) ref[i].w[j] *= factor;
          ref[i].step(s, doubles(g[i]), (float) lr, 0.9, 0.999, 1e-7, false);
          assertClose(ref[i].w, t.read(t.weights.get(i)), "step " + s + " weight " + i);
        }
      }
    }
  }

  @Test
  void variables_are_adams() {
    AdamW adamw = new AdamW(AdamWConfig.builder().name("adam_w_1").build());
    adamw.build(Training.weights(Training.dense(new Random(1))));
    assertEquals(6, adamw.variables().size());
    assertEquals("adam_w_1/dense_bias_velocity", adamw.variables().get(5).path());
  }
}
