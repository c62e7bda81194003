package io.keras4j.layers.merging;

import static io.keras4j.layers.merging.MergingChecks.filled;
import static io.keras4j.layers.merging.MergingChecks.floats;
import static io.keras4j.layers.merging.MergingChecks.randomFloats;
import static io.keras4j.layers.merging.MergingChecks.stripedMask;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.reshaping.RepeatVector;
import io.keras4j.layers.reshaping.RepeatVectorConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class AddTest {

  private static TensorSpec out(TensorSpec... inputs) {
    return assertOutputSpecMatchesGraph(new Add(), inputs).get(0);
  }

  @Test
  void outputSpecMatchesGraph() {
    TensorSpec five = spec(TFloat32.class, 5);
    assertEquals("(None, 5)", Shapes.toKeras(out(five, five, five).shape()));
    // Keras' broadcasting: the lower-rank input gets unit axes after the batch axis.
    assertEquals(
        "(None, 3, 4)",
        Shapes.toKeras(out(spec(TFloat32.class, 3, 4), spec(TFloat32.class, 4)).shape()));
    assertEquals(
        "(2, 3, 4)",
        Shapes.toKeras(
            out(new TensorSpec(Shape.of(2, 3, 4), TFloat32.class), spec(TFloat32.class, 1, 4))
                .shape()));
    TensorSpec ints = out(spec(TInt32.class, 5), spec(TInt32.class, 5));
    assertEquals(TInt32.class, ints.dtype());
    // Integers mixed with floats are computed in the compute dtype, as Keras promotes them.
    assertEquals(TFloat32.class, out(spec(TInt32.class, 5), spec(TFloat32.class, 5)).dtype());
  }

  @Test
  void configRoundTrip() {
    assertConfigRoundTrip(new Add());
    MergingChecks.assertReadsAndWritesKerasConfigs("Add");
  }

  @Test
  void addingXToItselfEqualsMultiplyingItByTwo() {
    try (TFloat32 x = randomFloats(1, 3, 4);
        TFloat32 twos = filled(2f, 3, 4);
        Result sum = predict(new Add(), x, x);
        Result product = predict(new Multiply(), twos, x)) {
      assertArrayEquals(floats(product.get(0)), floats(sum.get(0)));
    }
  }

  @Test
  void lowerRankInputBroadcastsLikeARepeatedOne() {
    try (TFloat32 a = randomFloats(2, 2, 3, 4);
        TFloat32 b = randomFloats(3, 2, 4);
        Result broadcast = predict(new Add(), a, b);
        Result repeated = predict(new RepeatVector(RepeatVectorConfig.of(3)), b);
        Result expected = predict(new Add(), a, (TFloat32) repeated.get(0))) {
      assertEquals(Shape.of(2, 3, 4), broadcast.get(0).shape());
      assertArrayEquals(floats(expected.get(0)), floats(broadcast.get(0)));
    }
  }

  @Test
  void threeInputsAddLeftToRight() {
    try (TFloat32 a = randomFloats(4, 2, 5);
        TFloat32 b = randomFloats(5, 2, 5);
        TFloat32 c = randomFloats(6, 2, 5);
        Result all = predict(new Add(), a, b, c);
        Result ab = predict(new Add(), a, b);
        Result expected = predict(new Add(), (TFloat32) ab.get(0), c)) {
      assertArrayEquals(floats(expected.get(0)), floats(all.get(0)));
    }
  }

  @Test
  void masksAreOredAndNoneIfAnyInputHasNone() {
    try (TFloat32 a = randomFloats(7, 2, 3, 4);
        TFloat32 b = randomFloats(8, 2, 3, 4);
        TBool ma = stripedMask(0, 2, 3);
        TBool mb = stripedMask(1, 2, 3)) {
      MergingChecks.Run both = MergingChecks.run(new Add(), List.of(a, b), Arrays.asList(ma, mb));
      boolean[] ra = MergingChecks.booleans(ma);
      boolean[] rb = MergingChecks.booleans(mb);
      assertEquals(Shape.of(2, 3), both.maskShape());
      for (int i = 0; i < ra.length; i++) assertEquals(ra[i] || rb[i], both.mask()[i]);
      MergingChecks.Run one = MergingChecks.run(new Add(), List.of(a, b), Arrays.asList(ma, null));
      assertNull(one.mask());
      // Add ignores masks in its values, as Keras' Add does.
      try (Result plain = predict(new Add(), a, b)) {
        assertArrayEquals(floats(plain.get(0)), both.values());
      }
    }
  }

  @Test
  void differentiable() {
    MergingChecks.assertDifferentiable(
        new Add(), spec(TFloat32.class, 3, 4), spec(TFloat32.class, 4));
  }

  @Test
  void rejectsWhatKerasRejects() {
    IllegalArgumentException shapes =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Add()
                    .computeOutputShape(
                        List.of(Shape.of(Shape.UNKNOWN_SIZE, 3), Shape.of(Shape.UNKNOWN_SIZE, 4))));
    assertTrue(shapes.getMessage().contains("incompatible shapes"), shapes.getMessage());
    IllegalArgumentException batch =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Add().computeOutputShape(List.of(Shape.of(2, 3), Shape.of(4, 3))));
    assertTrue(batch.getMessage().contains("different batch sizes"), batch.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> out(spec(TInt32.class, 5), spec(TInt64.class, 5)));
  }

  @Test
  void javadocExample() {
    KerasTensor a = Input.of(5);
    KerasTensor b = Input.of(5);
    KerasTensor sum = new Add().apply(List.of(a, b)); // (None, 5)
    assertEquals("(None, 5)", Shapes.toKeras(sum.shape()));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 a = gaussian(TFloat64.class, 1, 3, 4);
        TFloat64 b = gaussian(TFloat64.class, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(new Add(new AddConfig(), FLOAT64), a, b);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 a = gaussian(TFloat32.class, 3, 3, 4);
        TFloat32 b = gaussian(TFloat32.class, 4, 3, 4)) {
      assertTrainingStepLowersLoss(new Add(), a, b);
    }
  }
}
