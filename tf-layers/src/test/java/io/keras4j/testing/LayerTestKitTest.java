package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.initializers.RandomNormal;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** The kit's own checks: the gradient check catches a wrong gradient and passes a right one. */
class LayerTestKitTest {

  /** {@code y = x * w * w}; with {@code cut}, one factor is cut from the gradient, halving it. */
  private static final class Squares extends Layer {
    private final boolean cut;
    private Weight w;

    Squares(boolean cut, LayerArgs args) {
      super(args);
      this.cut = cut;
    }

    @Override
    protected void build(Ops tf, Shape inputShape) {
      w =
          addWeight(
              tf,
              "w",
              Shape.of(inputShape.get(inputShape.numDimensions() - 1)),
              WeightOptions.of(new RandomNormal(3L, 1.0, 0.5)));
    }

    @Override
    protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
      Operand<TFloating> x = Tensors.floating(input);
      Operand<TFloating> v = w.read(tf);
      Operand<TFloating> other = cut ? tf.stopGradient(v) : v;
      return tf.math.mul(x, tf.math.mul(v, other));
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
      return inputShape;
    }

    @Override
    public Object getConfig() {
      return cut;
    }
  }

  @Test
  void gradientCheckPassesARightGradient() {
    try (TFloat64 x = LayerTestKit.gaussian(TFloat64.class, 1, 2, 3)) {
      double err =
          LayerTestKit.assertGradientsMatchFiniteDifferences(
              new Squares(false, LayerTestKit.FLOAT64), x);
      assertTrue(err < 1e-8, "error " + err);
    }
  }

  @Test
  void gradientCheckCatchesAGradientCutShort() {
    try (TFloat64 x = LayerTestKit.gaussian(TFloat64.class, 1, 2, 3)) {
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () ->
                  LayerTestKit.assertGradientsMatchFiniteDifferences(
                      new Squares(true, LayerTestKit.FLOAT64), x));
      assertTrue(e.getMessage().contains("/w"), e.getMessage());
    }
  }

  @Test
  void float32LayersAreCheckedWithTheLooserTolerance() {
    try (TFloat32 x = LayerTestKit.gaussian(TFloat32.class, 1, 2, 3)) {
      double err =
          LayerTestKit.assertGradientsMatchFiniteDifferences(
              new Squares(false, LayerArgs.defaults()), x);
      assertTrue(err < LayerTestKit.FLOAT32_TOLERANCE, "error " + err);
    }
  }

  @Test
  void trainingStepLowersTheLoss() {
    try (TFloat32 x = LayerTestKit.gaussian(TFloat32.class, 1, 4, 3)) {
      LayerTestKit.assertTrainingStepLowersLoss(new Squares(false, LayerArgs.defaults()), x);
    }
  }
}
