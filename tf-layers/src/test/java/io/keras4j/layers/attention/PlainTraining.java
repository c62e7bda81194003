package io.keras4j.layers.attention;

import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.losses.Loss;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * Training with a plain mean squared error and plain gradient descent, to check that a layer's
 * graph trains (its gradients exist and point downhill) without depending on Keras' optimizers.
 */
final class PlainTraining {

  private PlainTraining() {}

  /** Fits {@code model} for {@code epochs} and checks that the loss fell to under half. */
  static void assertLossFalls(Model model, Object[] x, Object[] y, float learningRate, int epochs) {
    model.compile(Compile.builder().optimizer(new Sgd(learningRate)).loss(new Mse()).build());
    History h =
        model.fit(
            x,
            y,
            FitOptions.builder().batchSize(4).epochs(epochs).shuffle(false).verbose(0).build());
    List<Double> loss = h.get("loss");
    Assertions.assertTrue(
        loss.get(loss.size() - 1) < loss.get(0) / 2,
        "loss fell from " + loss.get(0) + " to " + loss.get(loss.size() - 1));
  }

  /** mean((y - p)^2). */
  private record Mse() implements Loss {
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
      return tf.math.mean(v, tf.range(tf.constant(0), tf.rank(v), tf.constant(1)));
    }
  }

  /** w -= lr * g. */
  private record Sgd(float lr) implements Optimizer {
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
}
