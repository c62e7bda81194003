package io.keras4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.initializers.Zeros;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.Loss;
import io.keras4j.models.Functional;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The training loop's plumbing with a plain mean squared error and plain gradient descent written
 * here: one step moves each weight by exactly {@code -lr * dL/dw}, the gradient computed by hand
 * for a linear layer.
 */
class TrainingLoopTest {

  /** mean((y - p)^2) over all elements, weighted per sample when weights are given. */
  record Mse() implements Loss {
    @Override
    public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
      Operand<T> d = tf.math.sub(yPred, tf.dtypes.cast(yTrue, yPred.type()));
      return tf.math.mean(tf.math.square(d), tf.constant(-1));
    }

    @Override
    public <T extends TFloating> Operand<T> apply(
        Ops tf, Operand<?> yTrue, Operand<T> yPred, @Nullable Operand<T> sampleWeight) {
      Operand<T> v = call(tf, yTrue, yPred);
      if (sampleWeight != null) v = tf.math.mul(v, sampleWeight);
      return tf.math.mean(v, tf.constant(0));
    }
  }

  /** w -= lr * g, nothing else. */
  static final class PlainSgd implements Optimizer {
    final float lr;

    PlainSgd(float lr) {
      this.lr = lr;
    }

    @Override
    public void build(List<Weight> trainable) {}

    @Override
    public List<Weight> variables() {
      return List.of();
    }

    @Override
    public Op apply(Ops tf, List<Operand<?>> gradients, List<Weight> weights) {
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < weights.size(); i++) {
        Operand<TFloat32> g = Tensors.as(gradients.get(i), TFloat32.class);
        ops.add(tf.assignSubVariableOp(weights.get(i).handle(tf), tf.math.mul(g, tf.constant(lr))));
      }
      return tf.withControlDependencies(ops).noOp();
    }

    @Override
    public Operand<?> learningRate(Ops tf) {
      return tf.constant(lr);
    }
  }

  @Test
  void oneStepMovesWeightsAgainstTheGradient() {
    KerasTensor x = Input.of(2);
    Dense dense =
        new Dense(
            DenseConfig.builder(1).kernelInitializer(new Zeros()).build(), LayerArgs.named("lin"));
    try (Functional model = new Functional(LayerArgs.named("m"), x, dense.apply(x))) {
      model.compile(Compile.builder().optimizer(new PlainSgd(0.1f)).loss(new Mse()).build());
      float[][] xs = {{1, 2}, {3, 4}};
      float[][] ys = {{1}, {2}};
      model.fit(
          new Object[] {xs},
          new Object[] {ys},
          FitOptions.builder().batchSize(2).epochs(1).shuffle(false).verbose(0).build());
      // From zero weights, p = 0: dL/dk_j = mean_i(2 (p_i - y_i) x_ij) = -(y1 x1j + y2 x2j).
      float[] expectedKernel = {0.1f * (1 * 1 + 2 * 3), 0.1f * (1 * 2 + 2 * 4)};
      float expectedBias = 0.1f * (1 + 2);
      try (TFloat32 k = model.readWeight(dense.kernel());
          TFloat32 b = model.readWeight(dense.bias())) {
        assertEquals(expectedKernel[0], k.getFloat(0, 0), 1e-6);
        assertEquals(expectedKernel[1], k.getFloat(1, 0), 1e-6);
        assertEquals(expectedBias, b.getFloat(0), 1e-6);
      }
    }
  }

  @Test
  void lossFallsAndHistoryHasKerasNames() {
    KerasTensor x = Input.of(2);
    Dense dense = new Dense(DenseConfig.builder(1).build(), LayerArgs.named("lin2"));
    try (Functional model = new Functional(LayerArgs.named("m2"), x, dense.apply(x))) {
      model.compile(Compile.builder().optimizer(new PlainSgd(0.05f)).loss(new Mse()).build());
      float[][] xs = new float[32][2];
      float[][] ys = new float[32][1];
      for (int i = 0; i < 32; i++) {
        xs[i][0] = (float) Math.sin(i);
        xs[i][1] = (float) Math.cos(i);
        ys[i][0] = 2 * xs[i][0] - xs[i][1] + 0.5f;
      }
      History h =
          model.fit(
              new Object[] {xs},
              new Object[] {ys},
              FitOptions.builder()
                  .batchSize(8)
                  .epochs(20)
                  .seed(3)
                  .validationSplit(0.25)
                  .verbose(0)
                  .build());
      List<Double> loss = h.get("loss");
      assertEquals(20, loss.size());
      assertTrue(
          loss.get(19) < loss.get(0) / 4, "loss fell from " + loss.get(0) + " to " + loss.get(19));
      assertEquals(List.of("loss", "val_loss"), List.copyOf(h.history().keySet()));
    }
  }
}
