package io.keras4j.training.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.testing.LogCapture;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * EarlyStopping driven with scripted logs (the sequences and outcomes of Keras'
 * early_stopping_test.py), and once inside a real fit.
 */
class EarlyStoppingTest {

  /** Runs the callback over {@code values} of {@code key} until it stops the model. */
  private static int epochsRun(TinyModel m, EarlyStopping stop, String key, double... values) {
    m.model.setStopTraining(false);
    stop.onTrainBegin(m.model, Map.of());
    int epochs = 0;
    for (int epoch = 0; epoch < values.length && !m.model.stopTraining(); epoch++) {
      m.setKernel(epoch); // the weights "of" this epoch
      stop.onEpochEnd(m.model, epoch, Map.of(key, values[epoch]));
      epochs++;
    }
    stop.onTrainEnd(m.model, Map.of());
    return epochs;
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovement() {
    double[] losses = {10.0, 9.0, 8.0, 9.0, 8.9, 8.8, 8.7, 8.6, 8.5};
    try (TinyModel m = TinyModel.sgd(0.01)) {
      for (int patience = 0; patience <= 3; patience++) {
        EarlyStopping stop =
            new EarlyStopping(
                EarlyStoppingConfig.builder().monitor("loss").patience(patience).build());
        epochsRun(m, stop, "loss", losses);
        // Keras: stopped_epoch == max(patience, 1) + 2 on this sequence.
        assertEquals(Math.max(patience, 1) + 2, stop.stoppedEpoch(), "patience " + patience);
        assertEquals(2, stop.bestEpoch());
        assertEquals(8.0, stop.best());
      }
    }
  }

  @Test
  void minDeltaAndModeDecideWhatImproves() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      EarlyStopping small =
          new EarlyStopping(
              EarlyStoppingConfig.builder().monitor("loss").minDelta(0.1).patience(1).build());
      assertEquals(2, epochsRun(m, small, "loss", 1.0, 0.95, 0.9, 0.85));
      assertEquals(1, small.stoppedEpoch());

      EarlyStopping max =
          new EarlyStopping(
              EarlyStoppingConfig.builder().monitor("score").mode(Mode.MAX).patience(1).build());
      assertEquals(4, epochsRun(m, max, "score", 0.5, 0.6, 0.7, 0.6, 0.8));
      assertEquals(3, max.stoppedEpoch());
      assertEquals(0.7, max.best());
    }
  }

  @Test
  void restoresTheWeightsOfTheBestEpoch() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      EarlyStopping stop =
          new EarlyStopping(
              EarlyStoppingConfig.builder().patience(2).restoreBestWeights(true).build());
      // Keras: the best configuration is epoch 2 (0.1), training stops at epoch 4.
      assertEquals(5, epochsRun(m, stop, "val_loss", 0.2, 0.15, 0.1, 0.11, 0.12));
      assertEquals(4, stop.stoppedEpoch());
      assertArrayEquals(new float[] {2, 2}, m.kernel());
    }
  }

  @Test
  void aBaselineNoEpochBeatsStopsAfterPatienceAndRestoresTheBestEpoch() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      EarlyStopping stop =
          new EarlyStopping(
              EarlyStoppingConfig.builder()
                  .patience(5)
                  .baseline(0.5)
                  .restoreBestWeights(true)
                  .build());
      // Keras: no epoch improves on the baseline, so 5 epochs run and epoch 2 is restored.
      assertEquals(5, epochsRun(m, stop, "val_loss", 0.9, 0.8, 0.7, 0.71, 0.72, 0.73));
      assertArrayEquals(new float[] {2, 2}, m.kernel());
    }
  }

  @Test
  void restoresTheBestWeightsWhenAnotherCallbackStopsTraining() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      EarlyStopping stop =
          new EarlyStopping(
              EarlyStoppingConfig.builder()
                  .patience(5)
                  .baseline(0.5)
                  .restoreBestWeights(true)
                  .build());
      double[] losses = {0.9, 0.8, 0.7, 0.71, 0.72, 0.73};
      m.model.setStopTraining(false);
      stop.onTrainBegin(m.model, Map.of());
      int epoch = 0;
      for (; epoch < losses.length; epoch++) {
        m.setKernel(epoch);
        stop.onEpochEnd(m.model, epoch, Map.of("val_loss", losses[epoch]));
        if (epoch == 3) m.model.setStopTraining(true);
        if (m.model.stopTraining()) break;
      }
      stop.onTrainEnd(m.model, Map.of());
      assertEquals(3, epoch);
      assertEquals(0, stop.stoppedEpoch());
      assertArrayEquals(new float[] {2, 2}, m.kernel());
    }
  }

  @Test
  void startFromEpochIgnoresTheWarmUp() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      double[] losses = {5, 4, 6, 7, 8, 9};
      EarlyStopping now =
          new EarlyStopping(EarlyStoppingConfig.builder().monitor("loss").patience(1).build());
      assertEquals(3, epochsRun(m, now, "loss", losses));
      EarlyStopping later =
          new EarlyStopping(
              EarlyStoppingConfig.builder().monitor("loss").patience(1).startFromEpoch(2).build());
      // Epochs 0 and 1 are not watched: epoch 2 (6) is the first best, epoch 3 does not improve.
      assertEquals(4, epochsRun(m, later, "loss", losses));
      assertEquals(2, later.bestEpoch());
      assertEquals(3, later.stoppedEpoch());
    }
  }

  @Test
  void aMissingQuantityIsSkippedWithKerasWarning() {
    try (TinyModel m = TinyModel.sgd(0.01);
        LogCapture log = LogCapture.of(EarlyStopping.class)) {
      EarlyStopping stop = new EarlyStopping();
      assertEquals(4, epochsRun(m, stop, "loss", 1, 2, 3, 4));
      assertFalse(m.model.stopTraining());
      assertNull(stop.best());
      assertEquals(
          List.of(
              "Early stopping conditioned on metric `val_loss` which is not available."
                  + " Available metrics are: loss"),
          log.messages(Level.WARNING));
    }
  }

  @Test
  void verboseLogsTheStopAndTheRestore() {
    try (TinyModel m = TinyModel.sgd(0.01);
        LogCapture log = LogCapture.of(EarlyStopping.class)) {
      EarlyStopping stop =
          new EarlyStopping(
              EarlyStoppingConfig.builder().verbose(1).restoreBestWeights(true).build());
      epochsRun(m, stop, "val_loss", 0.5, 0.4, 0.6);
      assertEquals(
          List.of(
              "Epoch 3: early stopping",
              "Restoring model weights from the end of the best epoch: 2."),
          log.messages(Level.INFO));
    }
  }

  @Test
  void anInstanceServesSeveralFits() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      EarlyStopping stop =
          new EarlyStopping(EarlyStoppingConfig.builder().monitor("loss").patience(1).build());
      assertEquals(3, epochsRun(m, stop, "loss", 0.1, 0.05, 0.2, 0.3));
      // A stale best of 0.05 would stop this second run at epoch 1.
      assertEquals(4, epochsRun(m, stop, "loss", 5, 4, 3, 3.5));
      assertEquals(3, stop.stoppedEpoch());
    }
  }

  @Test
  void anUnknownQuantityInAutoModeFailsAsInKeras() {
    try (TinyModel m = TinyModel.sgd(0.01)) {
      EarlyStopping stop =
          new EarlyStopping(EarlyStoppingConfig.builder().monitor("unknown").build());
      stop.onTrainBegin(m.model, Map.of());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> stop.onEpochEnd(m.model, 0, Map.of("unknown", 1.0)));
      assertTrue(e.getMessage().contains("monitor=unknown"), e.getMessage());
    }
  }

  @Test
  void stopsARealFitAndRestoresTheFirstEpochWeights() {
    try (TinyModel m = TinyModel.sgd(0.05)) {
      List<float[]> kernels = new ArrayList<>();
      // A min_delta no loss can beat: epoch 0 stays the best, patience 2 stops at epoch 2.
      EarlyStopping stop =
          new EarlyStopping(
              EarlyStoppingConfig.builder()
                  .monitor("loss")
                  .minDelta(1e9)
                  .patience(2)
                  .restoreBestWeights(true)
                  .build());
      History h =
          m.fit(
              FitOptions.builder()
                  .batchSize(4)
                  .epochs(20)
                  .seed(1)
                  .verbose(0)
                  .callback(
                      LambdaCallback.builder()
                          .onEpochEnd((e, logs) -> kernels.add(m.kernel()))
                          .build())
                  .callback(stop)
                  .build());
      assertEquals(List.of(0, 1, 2), h.epochs());
      assertEquals(2, stop.stoppedEpoch());
      assertFalse(java.util.Arrays.equals(kernels.get(0), kernels.get(2)), "the model trained");
      assertArrayEquals(kernels.get(0), m.kernel());
    }
  }
}
