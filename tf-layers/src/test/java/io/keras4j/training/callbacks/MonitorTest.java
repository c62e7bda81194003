package io.keras4j.training.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.metrics.BinaryAccuracy;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.MeanSquaredError;
import io.keras4j.optimizers.SGD;
import io.keras4j.serialization.KerasJson;
import io.keras4j.testing.LogCapture;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Keras' MonitorCallback: improvement with min_delta, and the direction auto mode infers. */
class MonitorTest {

  @Test
  void improvementNeedsMinDeltaInTheRightDirection() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      Monitor min = new Monitor("loss", Mode.MIN, -0.5); // Keras ignores the sign
      assertEquals(0.5, min.minDelta());
      assertTrue(min.isImprovement(m.model, 123.0, null), "anything improves on nothing");
      assertFalse(min.isImprovement(m.model, 1.0, 1.4));
      assertTrue(min.isImprovement(m.model, 0.8, 1.4));
      assertFalse(min.isImprovement(m.model, 1.0, 1.0), "equal is no improvement");

      Monitor max = new Monitor("auc", Mode.MAX, 0.1);
      assertTrue(max.isImprovement(m.model, 0.95, 0.8));
      assertFalse(max.isImprovement(m.model, 0.85, 0.8));
      assertFalse(max.isImprovement(m.model, Double.NaN, 0.8), "NaN never improves");
    }
  }

  @Test
  void autoModeLowersLossesAndFollowsTheCompiledMetrics() {
    try (TinyModel m =
        TinyModel.compiled(
            new SGD(),
            c ->
                c.metric(new BinaryAccuracy())
                    .metric(new MeanSquaredError())
                    .metric(new Mean("running", null)))) {
      assertFalse(new Monitor("loss", Mode.AUTO, 0).higherIsBetter(m.model));
      assertFalse(new Monitor("val_loss", Mode.AUTO, 0).higherIsBetter(m.model));
      assertTrue(new Monitor("binary_accuracy", Mode.AUTO, 0).higherIsBetter(m.model));
      assertTrue(new Monitor("val_binary_accuracy", Mode.AUTO, 0).higherIsBetter(m.model));
      assertFalse(new Monitor("val_mean_squared_error", Mode.AUTO, 0).higherIsBetter(m.model));
      // Keras' Mean has no direction, and a name no metric has cannot be guessed either.
      for (String name : List.of("running", "accuracy", "val_unknown")) {
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class,
                () -> new Monitor(name, Mode.AUTO, 0).higherIsBetter(m.model));
        assertTrue(e.getMessage().contains("monitor=" + name), e.getMessage());
      }
      // Explicit modes never ask the model.
      assertTrue(new Monitor("running", Mode.MAX, 0).higherIsBetter(m.model));
      assertFalse(new Monitor("loss", Mode.MIN, 0).isImprovement(m.model, 2.0, 1.0));
    }
  }

  @Test
  void autoModeReadsTheMetricsOfACompileConfig() throws Exception {
    JsonNode metrics =
        KerasJson.mapper()
            .readTree(
                "[\"accuracy\", \"mse\", {\"module\": \"keras.metrics\", \"class_name\": \"AUC\","
                    + " \"config\": {\"name\": \"auc_1\"}, \"registered_name\": null}]");
    try (TinyModel m = TinyModel.compiled(new SGD(), c -> c.metricsJson(metrics, null))) {
      assertTrue(new Monitor("val_accuracy", Mode.AUTO, 0).higherIsBetter(m.model));
      assertFalse(new Monitor("mse", Mode.AUTO, 0).higherIsBetter(m.model));
      assertTrue(new Monitor("val_auc_1", Mode.AUTO, 0).higherIsBetter(m.model));
      assertThrows(
          IllegalArgumentException.class,
          () -> new Monitor("auc", Mode.AUTO, 0).higherIsBetter(m.model));
    }
  }

  @Test
  void modeNamesAreKeras() {
    assertEquals(Mode.MIN, Mode.of("min"));
    assertEquals(Mode.MAX, Mode.of("max"));
    assertEquals("auto", Mode.AUTO.kerasName());
    try (LogCapture log = LogCapture.of(Mode.class)) {
      assertEquals(Mode.AUTO, Mode.of("lowest"));
      assertEquals(
          List.of("mode 'lowest' is unknown, fallback to auto mode."), log.messages(Level.WARNING));
    }
  }
}
