package io.keras4j.training.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.SGDConfig;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import io.keras4j.testing.LogCapture;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * ReduceLROnPlateau on the optimizer's learning-rate variable, driven with scripted logs and in a
 * real fit; the scenarios and expected rates are those of Keras' reduce_lr_on_plateau_test.py.
 */
class ReduceLROnPlateauTest {

  /** Ends {@code values.length} epochs with these values of {@code val_loss}. */
  private static void run(TinyModel m, ReduceLROnPlateau reduce, double... values) {
    reduce.onTrainBegin(m.model, Map.of());
    for (int epoch = 0; epoch < values.length; epoch++) {
      reduce.onEpochEnd(m.model, epoch, new HashMap<>(Map.of("val_loss", values[epoch])));
    }
  }

  /** Patience 1 and a min_delta nothing beats: every epoch after the first counts as flat. */
  private static ReduceLROnPlateauConfig.Builder flat() {
    return ReduceLROnPlateauConfig.builder().patience(1).factor(0.1).minDelta(100);
  }

  @Test
  void reducesByTheFactorAfterPatience() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().build());
      run(m, reduce, 1.0);
      assertEquals(0.1f, m.learningRate());
      run(m, reduce, 1.0, 0.9);
      assertEquals((float) (0.1f * 0.1), m.learningRate());
    }
  }

  @Test
  void patienceCountsFlatEpochs() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce =
          new ReduceLROnPlateau(ReduceLROnPlateauConfig.builder().patience(3).minDelta(0).build());
      run(m, reduce, 1.0, 0.5, 0.6, 0.5);
      assertEquals(0.1f, m.learningRate(), "two epochs without improvement, not yet reduced");
      assertEquals(2, reduce.epochsWithoutImprovement());
      reduce.onEpochEnd(m.model, 4, new HashMap<>(Map.of("val_loss", 0.7)));
      assertEquals((float) (0.1f * 0.1), m.learningRate());
      assertEquals(0, reduce.epochsWithoutImprovement());
    }
  }

  @Test
  void cooldownSkipsEpochsAfterAReduction() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().cooldown(2).build());
      // Keras: with a cooldown of 2 the rate drops every other epoch: twice in 4 epochs.
      run(m, reduce, 1, 1, 1, 1);
      assertEquals(0.001, m.learningRate(), 1e-9);
      assertEquals(2, reduce.cooldownCounter());
      assertTrue(reduce.inCooldown());
    }
  }

  @Test
  void neverGoesBelowMinLr() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().minDelta(10).minLr(0.005).build());
      run(m, reduce, 1, 1, 1, 1);
      assertEquals(0.005f, m.learningRate());
    }
  }

  @Test
  void aRateAtMinLrIsNotReducedAgainAndPatienceKeepsCounting() {
    // float32(0.001) is above 0.001: Keras compares the rate with min_lr rounded to float32, so a
    // rate set to min_lr counts as reached and wait keeps growing.
    try (TinyModel m = TinyModel.sgd(0.01)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().minLr(0.001).build());
      run(m, reduce, 1, 1, 1, 1);
      assertEquals(0.001f, m.learningRate());
      assertEquals(2, reduce.epochsWithoutImprovement());
      assertEquals(0, reduce.cooldownCounter());
    }
  }

  @Test
  void logsTheLearningRateOfTheEpoch() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().build());
      reduce.onTrainBegin(m.model, Map.of());
      Map<String, Double> first = new HashMap<>(Map.of("val_loss", 1.0));
      reduce.onEpochEnd(m.model, 0, first);
      Map<String, Double> second = new HashMap<>(Map.of("val_loss", 1.0));
      reduce.onEpochEnd(m.model, 1, second);
      assertEquals((double) 0.1f, first.get("learning_rate"));
      // The rate the epoch trained with, read before this epoch's reduction.
      assertEquals((double) 0.1f, second.get("learning_rate"));
      assertEquals((float) (0.1f * 0.1), m.learningRate());
    }
  }

  @Test
  void aMissingQuantityLeavesTheRateWithKerasWarning() {
    try (TinyModel m = TinyModel.sgd(0.1);
        LogCapture log = LogCapture.of(ReduceLROnPlateau.class)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().build());
      reduce.onTrainBegin(m.model, Map.of());
      for (int epoch = 0; epoch < 3; epoch++) {
        reduce.onEpochEnd(m.model, epoch, new HashMap<>(Map.of("loss", 1.0)));
      }
      assertEquals(0.1f, m.learningRate());
      assertNull(reduce.best());
      List<String> warnings = log.messages(Level.WARNING);
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(
          warnings
              .get(0)
              .startsWith(
                  "Learning rate reduction is conditioned on metric `val_loss` which is not"
                      + " available. Available metrics are: "),
          warnings.get(0));
    }
  }

  @Test
  void verboseLogsEachReduction() {
    try (TinyModel m = TinyModel.sgd(0.5);
        LogCapture log = LogCapture.of(ReduceLROnPlateau.class)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().factor(0.5).verbose(1).build());
      run(m, reduce, 1, 1);
      assertEquals(
          List.of("Epoch 2: ReduceLROnPlateau reducing learning rate to 0.25."),
          log.messages(Level.INFO));
    }
  }

  @Test
  void anInstanceServesSeveralFits() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().minDelta(0).cooldown(2).build());
      run(m, reduce, 0.1, 0.2);
      assertEquals(2, reduce.cooldownCounter());
      reduce.onTrainBegin(m.model, Map.of());
      assertNull(reduce.best());
      assertEquals(0, reduce.cooldownCounter());
      assertEquals(0, reduce.epochsWithoutImprovement());
    }
  }

  @Test
  void aScheduledLearningRateCannotBeReduced() {
    SGD scheduled =
        new SGD(
            SGDConfig.builder()
                .learningRate(
                    ExponentialDecay.builder()
                        .initialLearningRate(0.1)
                        .decaySteps(10)
                        .decayRate(0.9)
                        .build())
                .build());
    try (TinyModel m = TinyModel.compiledWith(scheduled)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().build());
      reduce.onTrainBegin(m.model, Map.of());
      reduce.onEpochEnd(m.model, 0, new HashMap<>(Map.of("val_loss", 1.0)));
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> reduce.onEpochEnd(m.model, 1, new HashMap<>(Map.of("val_loss", 1.0))));
      assertTrue(e.getMessage().contains("LearningRateSchedule"), e.getMessage());
    }
  }

  @Test
  void reducesTheRateOfARealFit() {
    try (TinyModel m = TinyModel.sgd(0.1)) {
      ReduceLROnPlateau reduce = new ReduceLROnPlateau(flat().build());
      History history =
          m.fit(
              FitOptions.builder()
                  .batchSize(4)
                  .epochs(2)
                  .seed(2)
                  .validationSplit(0.25)
                  .verbose(0)
                  .callback(reduce)
                  .build());
      // Keras: 0.1 becomes 0.01 after two epochs.
      assertEquals((float) (0.1f * 0.1), m.learningRate());
      // History comes after the callbacks and records, as Keras' does, the rate each epoch trained
      // with (the callback logs it before reducing it).
      assertEquals(List.of((double) 0.1f, (double) 0.1f), history.get("learning_rate"));
    }
  }
}
