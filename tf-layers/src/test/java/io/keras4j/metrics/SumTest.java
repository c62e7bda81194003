package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

class SumTest {

  @Test
  void adds_the_weighted_values_of_every_update() {
    Sum sum = new Sum();
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      sum.updateState(
          tf,
          MetricKit.constant(tf, Shape.of(2, 2), new double[] {1, 2, 3, 4}),
          MetricKit.constant(tf, Shape.of(2), new double[] {2, 0.5}));
      sum.updateState(tf, MetricKit.constant(tf, Shape.of(3), new double[] {1, 1, 1}), null);
      assertEquals((1 + 2) * 2 + (3 + 4) * 0.5 + 3, MetricKit.read(tf, sum.result(tf))[0], 1e-6);
    }
  }

  @Test
  void config_round_trips_with_keras_keys() {
    MetricKit.assertRoundTrip(new Sum("seen", null), "Sum", "name", "dtype");
  }
}
