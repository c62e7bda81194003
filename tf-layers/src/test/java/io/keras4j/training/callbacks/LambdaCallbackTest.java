package io.keras4j.training.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.training.FitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LambdaCallback calls each given function from its hook, in fit's order, with fit's logs. */
class LambdaCallbackTest {

  @Test
  void callsEachFunctionFromItsHook() {
    List<String> calls = new ArrayList<>();
    List<Map<String, Double>> epochLogs = new ArrayList<>();
    LambdaCallback callback =
        LambdaCallback.builder()
            .onTrainBegin(logs -> calls.add("train_begin"))
            .onEpochBegin((epoch, logs) -> calls.add("epoch_begin " + epoch))
            .onTrainBatchBegin((batch, logs) -> calls.add("batch_begin " + batch))
            .onTrainBatchEnd(
                (batch, logs) -> calls.add("batch_end " + batch + " " + logs.containsKey("loss")))
            .onEpochEnd(
                (epoch, logs) -> {
                  calls.add("epoch_end " + epoch);
                  epochLogs.add(Map.copyOf(logs));
                })
            .onTrainEnd(logs -> calls.add("train_end"))
            .build();
    try (TinyModel m = TinyModel.sgd(0.05)) {
      var history =
          m.fit(
              FitOptions.builder()
                  .batchSize(8)
                  .epochs(2)
                  .seed(4)
                  .verbose(0)
                  .callback(callback)
                  .build());
      assertEquals(
          List.of(
              "train_begin",
              "epoch_begin 0",
              "batch_begin 0",
              "batch_end 0 true",
              "batch_begin 1",
              "batch_end 1 true",
              "epoch_end 0",
              "epoch_begin 1",
              "batch_begin 0",
              "batch_end 0 true",
              "batch_begin 1",
              "batch_end 1 true",
              "epoch_end 1",
              "train_end"),
          calls);
      assertEquals(history.get("loss").get(0), epochLogs.get(0).get("loss"));
      assertEquals(history.get("loss").get(1), epochLogs.get(1).get("loss"));
    }
  }

  @Test
  void hooksLeftOutDoNothing() {
    List<Integer> ends = new ArrayList<>();
    LambdaCallback callback =
        LambdaCallback.builder().onEpochEnd((epoch, logs) -> ends.add(epoch)).build();
    try (TinyModel m = TinyModel.sgd(0.05)) {
      m.fit(FitOptions.builder().batchSize(16).epochs(3).verbose(0).callback(callback).build());
    }
    assertEquals(List.of(0, 1, 2), ends);
  }
}
