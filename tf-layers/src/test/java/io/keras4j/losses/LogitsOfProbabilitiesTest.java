package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Probabilities that a softmax or sigmoid op computed are traced back to their logits, as Keras'
 * TensorFlow backend does: a confident wrong prediction costs its full cross-entropy (30 here)
 * rather than the {@code -log(1e-7) = 16.12} that clipping the probabilities gives.
 */
class LogitsOfProbabilitiesTest {

  private static final double CLIPPED = -Math.log(1e-7);

  private static float run(java.util.function.Function<Ops, Operand<TFloat32>> loss) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      try (TFloat32 t = (TFloat32) s.runner().fetch(loss.apply(tf)).run().get(0)) {
        return t.getFloat();
      }
    }
  }

  @Test
  void categoricalFromASoftmaxUsesItsLogits() {
    float traced =
        run(
            tf ->
                new CategoricalCrossentropy()
                    .apply(
                        tf,
                        tf.constant(new float[][] {{1, 0}}),
                        tf.nn.softmax(tf.constant(new float[][] {{0, 30}})),
                        null));
    assertEquals(30.0, traced, 1e-4);
    float constant =
        run(
            tf ->
                new CategoricalCrossentropy()
                    .apply(
                        tf,
                        tf.constant(new float[][] {{1, 0}}),
                        tf.constant(new float[][] {{(float) Math.exp(-30), 1}}),
                        null));
    assertEquals(CLIPPED, constant, 1e-4);
  }

  @Test
  void sparseFromASoftmaxUsesItsLogits() {
    float traced =
        run(
            tf ->
                new SparseCategoricalCrossentropy()
                    .apply(
                        tf,
                        tf.dtypes.cast(tf.constant(new int[] {0}), TFloat32.class),
                        tf.nn.softmax(tf.constant(new float[][] {{0, 30}})),
                        null));
    assertEquals(30.0, traced, 1e-4);
  }

  @Test
  void binaryFromASigmoidUsesItsLogits() {
    float traced =
        run(
            tf ->
                new BinaryCrossentropy()
                    .apply(
                        tf,
                        tf.constant(new float[][] {{1}}),
                        tf.math.sigmoid(tf.constant(new float[][] {{-30}})),
                        null));
    assertEquals(30.0, traced, 1e-4);
    float constant =
        run(
            tf ->
                new BinaryCrossentropy()
                    .apply(
                        tf,
                        tf.constant(new float[][] {{1}}),
                        tf.constant(new float[][] {{(float) (1 / (1 + Math.exp(30)))}}),
                        null));
    assertEquals(CLIPPED, constant, 1e-3);
  }
}
