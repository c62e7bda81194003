package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.losses.LossKit.Data;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class SparseCategoricalCrossentropyTest {

  private static final Data IDS = Data.of(Shape.of(5), 0, 3, 1, 1, 2);
  private static final Data PROBS = Data.probabilities(41, Shape.of(5, 4));
  private static final Data LOGITS = Data.uniform(42, Shape.of(5, 4), -3, 3);

  private static Data oneHot(Data ids, int k) {
    double[] v = new double[ids.values().length * k];
    for (int i = 0; i < ids.values().length; i++) v[i * k + (int) ids.values()[i]] = 1;
    return Data.of(Shape.of(ids.values().length, k), v);
  }

  private static void assertSame(double[] want, double[] got) {
    assertEquals(want.length, got.length);
    for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-12, "sample " + i);
  }

  @Test
  void is_categorical_crossentropy_of_the_one_hot_targets() {
    for (boolean fromLogits : new boolean[] {true, false}) {
      Data x = fromLogits ? LOGITS : PROBS;
      assertSame(
          LossKit.call(
              CategoricalCrossentropy.builder().fromLogits(fromLogits).build(), oneHot(IDS, 4), x),
          LossKit.call(
              SparseCategoricalCrossentropy.builder().fromLogits(fromLogits).build(), IDS, x));
    }
  }

  @Test
  void targets_ending_in_one_are_squeezed() {
    Data column = Data.of(Shape.of(5, 1), IDS.values());
    assertSame(
        LossKit.call(new SparseCategoricalCrossentropy(), IDS, PROBS),
        LossKit.call(new SparseCategoricalCrossentropy(), column, PROBS));
  }

  @Test
  void ignored_class_loses_nothing_and_is_left_out_of_the_average() {
    SparseCategoricalCrossentropy plain =
        SparseCategoricalCrossentropy.builder().fromLogits(true).build();
    SparseCategoricalCrossentropy ignoring1 =
        SparseCategoricalCrossentropy.builder().fromLogits(true).ignoreClass(1).build();
    double[] all = LossKit.call(plain, IDS, LOGITS);
    double[] some = LossKit.call(ignoring1, IDS, LOGITS);
    double sum = 0;
    int kept = 0;
    for (int i = 0; i < all.length; i++) {
      if (IDS.values()[i] == 1) {
        assertEquals(0, some[i], 0.0);
      } else {
        assertEquals(all[i], some[i], 1e-12);
        sum += all[i];
        kept++;
      }
    }
    assertEquals(sum / kept, LossKit.apply(ignoring1, IDS, LOGITS, null)[0], 1e-12);
    // "sum" adds the kept losses; the mask only reweighs the averages.
    SparseCategoricalCrossentropy summing =
        SparseCategoricalCrossentropy.builder()
            .fromLogits(true)
            .ignoreClass(1)
            .reduction("sum")
            .build();
    assertEquals(sum, LossKit.apply(summing, IDS, LOGITS, null)[0], 1e-12);
  }

  @Test
  void ignored_class_on_probabilities_stays_finite() {
    SparseCategoricalCrossentropy ignoring =
        SparseCategoricalCrossentropy.builder().ignoreClass(3).build();
    LossKit.assertGradient(ignoring, IDS, PROBS);
  }

  @Test
  void gradients_match_finite_differences() {
    LossKit.assertGradient(new SparseCategoricalCrossentropy(), IDS, PROBS);
    LossKit.assertGradient(
        SparseCategoricalCrossentropy.builder().fromLogits(true).build(), IDS, LOGITS);
  }

  @Test
  void config_round_trips_with_keras_keys() {
    LossKit.assertRoundTrip(
        SparseCategoricalCrossentropy.builder().fromLogits(true).ignoreClass(0).build(),
        "SparseCategoricalCrossentropy",
        "name",
        "reduction",
        "from_logits",
        "ignore_class",
        "axis");
  }
}
