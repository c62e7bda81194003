package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.losses.TrainEvaluate.Case;
import io.keras4j.losses.TrainEvaluate.Output;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Each compiled loss of the Keras training fixtures, read from its {@code compile_config}, against
 * the loss Keras' {@code evaluate} reported for the trained model's predictions.
 */
class TrainEvaluateTest {

  // Its evaluate loss adds the kernel regularizers' penalties, which need the weights.
  private static final Set<String> REGULARIZED = Set.of("train_mlp_adam_reg");

  @TestFactory
  Stream<DynamicTest> losses_match_keras_evaluate() {
    return TrainEvaluate.cases().values().stream()
        .filter(c -> !REGULARIZED.contains(c.name()))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) {
    if (c.outputs().size() == 1) {
      double got = value(LossKit.read(c.loss()), c.outputs().get(0));
      assertClose(c, "loss", got);
      return;
    }
    double total = 0;
    for (Output o : c.outputs()) {
      double got = value(LossKit.read(c.loss().get(o.name())), o);
      assertClose(c, o.name() + "_loss", got);
      JsonNode w = c.lossWeights().get(o.name());
      total += (w == null ? 1 : w.asDouble()) * got;
    }
    assertClose(c, "loss", total);
  }

  private static void assertClose(Case c, String key, double got) {
    double want = c.evaluate().get(key);
    assertTrue(c.close(want, got), c.name() + " " + key + ": Keras " + want + ", Keras4J " + got);
  }

  /** The loss over all samples, in float32 as Keras computed it. */
  static double value(Loss loss, Output o) {
    return LossKit.eager(tf -> loss.apply(tf, targets(tf, o), predictions(tf, o), null))[0];
  }

  static Operand<?> targets(Ops tf, Output o) {
    Operand<TFloat64> y = tf.constant(o.yShape(), DataBuffers.of(o.y(), true, false));
    return o.integerTargets() ? tf.dtypes.cast(y, TInt32.class) : tf.dtypes.cast(y, TFloat32.class);
  }

  static Operand<TFloat32> predictions(Ops tf, Output o) {
    return tf.dtypes.cast(
        tf.constant(o.predShape(), DataBuffers.of(o.pred(), true, false)), TFloat32.class);
  }
}
