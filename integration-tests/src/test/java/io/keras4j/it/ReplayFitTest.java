package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.cli.ReplayFit;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every training fixture, trained again in Java as Keras trained it: from {@code model.keras} for
 * all epochs, and resumed from {@code epoch_1.keras} with its optimizer state for the rest.
 * Predictions after training, each epoch of History, and the weights and optimizer variables of
 * {@code trained.keras} must agree within the fixture's tolerances.
 */
class ReplayFitTest {

  @TestFactory
  Stream<DynamicTest> trainingFixtures() {
    return KerasFixtures.cases().stream()
        .filter(KerasFixtures.Case::isTraining)
        .flatMap(
            c -> {
              Stream.Builder<DynamicTest> tests = Stream.builder();
              tests.add(
                  dynamicTest(c.name() + " (from model.keras)", () -> check(c, c.model(), 0)));
              Path epoch1 = c.dir().resolve("epoch_1.keras");
              if (KerasFixtures.exists(epoch1)) {
                tests.add(
                    dynamicTest(
                        c.name() + " (resumed from epoch_1.keras)", () -> check(c, epoch1, 1)));
              }
              return tests.build();
            });
  }

  /**
   * Cases whose recorded training cannot be reproduced to their tolerance by a different kernel
   * library, with the reason measured here.
   */
  static final java.util.Map<String, String> IRREPRODUCIBLE =
      java.util.Map.of(
          "train_loss_mape",
          "MAPE against targets as small as 0.0069 makes SGD diverge (the loss grows from 158 to"
              + " 10,888 in five steps) and its gradient is a sign function of the error: the"
              + " first five per-step losses agree with Keras to 1.2e-7 (one float32 rounding),"
              + " after which TensorFlow's and torch's kernel roundings are amplified; History"
              + " stays within tolerance, the final weights differ by 6.8e-3, as much as a"
              + " learning rate one ulp larger moves them"
              + " (mapeTrainingAmplifiesARoundingBeyondTheTolerance: 5.4e-3)");

  private static void check(KerasFixtures.Case c, Path model, int initialEpoch) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        initialEpoch == 0 && IRREPRODUCIBLE.containsKey(c.name()),
        () -> IRREPRODUCIBLE.get(c.name()));
    List<ReplayFit.Comparison> results =
        ReplayFit.replay(
            ConformanceTest.READER,
            model,
            c.dir().resolve("train.h5"),
            initialEpoch,
            c.dir().resolve("trained.keras"));
    String report =
        results.stream().map(ReplayFit.Comparison::describe).collect(Collectors.joining("\n"));
    System.out.println(c.name() + " from epoch " + initialEpoch + "\n" + report);
    assertFalse(results.isEmpty());
    assertTrue(results.stream().allMatch(ReplayFit.Comparison::withinTolerance), report);
  }

  /**
   * What does reproduce of {@code train_loss_mape}: every per-step loss of the first epoch, within
   * the fixture's tolerance, before the divergence amplifies rounding differences.
   */
  @org.junit.jupiter.api.Test
  void mapeFirstEpochMatchesStepByStep() throws Exception {
    KerasFixtures.Case c =
        KerasFixtures.cases().stream()
            .filter(x -> x.name().equals("train_loss_mape"))
            .findFirst()
            .orElseThrow();
    try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(c.dir().resolve("train.h5"));
        io.keras4j.models.Model model = ConformanceTest.READER.read(c.model())) {
      Object x = ((io.jhdf.api.Dataset) h5.getByPath("x/0")).getData();
      Object y = ((io.jhdf.api.Dataset) h5.getByPath("y/0")).getData();
      double[] steps =
          (double[]) ((io.jhdf.api.Dataset) h5.getByPath("step_loss_running_mean")).getData();
      List<Double> mine = new java.util.ArrayList<>();
      model.fit(
          new Object[] {x},
          new Object[] {y},
          io.keras4j.training.FitOptions.builder()
              .batchSize(8)
              .epochs(1)
              .shuffle(false)
              .verbose(0)
              .callback(
                  new io.keras4j.training.Callback() {
                    @Override
                    public void onTrainBatchEnd(
                        io.keras4j.models.Model m, int batch, java.util.Map<String, Double> logs) {
                      mine.add(logs.get("loss"));
                    }
                  })
              .build());
      assertTrue(mine.size() == 5, "five steps in the first epoch");
      for (int i = 0; i < mine.size(); i++) {
        double err = Math.abs(mine.get(i) - steps[i]);
        assertTrue(
            err <= c.atol() + c.rtol() * Math.abs(steps[i]),
            "step " + i + ": " + mine.get(i) + " vs " + steps[i]);
      }
    }
  }

  /**
   * Why {@code train_loss_mape} cannot be replayed from scratch by an implementation that does not
   * round every update as the recording did: MAPE's gradient is the sign of each error divided by
   * its target, so once an error is near zero a rounding flips it and the training takes another
   * path. A learning rate one float32 ulp larger, a rounding-sized change to every update, moves
   * the trained weights further than the fixture's tolerance.
   */
  @org.junit.jupiter.api.Test
  void mapeTrainingAmplifiesARoundingBeyondTheTolerance() throws Exception {
    KerasFixtures.Case c =
        KerasFixtures.cases().stream()
            .filter(x -> x.name().equals("train_loss_mape"))
            .findFirst()
            .orElseThrow();
    try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(c.dir().resolve("train.h5"));
        io.keras4j.models.Model a = ConformanceTest.READER.read(c.model());
        io.keras4j.models.Model b = ConformanceTest.READER.read(c.model())) {
      Object x = ((io.jhdf.api.Dataset) h5.getByPath("x/0")).getData();
      Object y = ((io.jhdf.api.Dataset) h5.getByPath("y/0")).getData();
      float lr = 0.05f;
      for (var m : java.util.List.of(a, b)) {
        float rate = m == a ? lr : Math.nextUp(lr);
        m.compile(
            io.keras4j.training.Compile.builder()
                .optimizer(
                    new io.keras4j.optimizers.SGD(
                        io.keras4j.optimizers.SGDConfig.builder().learningRate(rate).build()))
                .loss(new io.keras4j.losses.MeanAbsolutePercentageError())
                .build());
      }
      io.keras4j.training.FitOptions fit =
          io.keras4j.training.FitOptions.builder()
              .batchSize(8)
              .epochs(2)
              .shuffle(false)
              .verbose(0)
              .build();
      a.fit(new Object[] {x}, new Object[] {y}, fit);
      b.fit(new Object[] {x}, new Object[] {y}, fit);
      double worst = 0;
      for (int i = 0; i < a.weights().size(); i++) {
        try (org.tensorflow.types.TFloat32 wa = a.readWeight(a.weights().get(i));
            org.tensorflow.types.TFloat32 wb = b.readWeight(b.weights().get(i))) {
          for (long k = 0; k < wa.size(); k++) {
            float va = wa.asRawTensor().data().asFloats().getFloat(k);
            float vb = wb.asRawTensor().data().asFloats().getFloat(k);
            worst = Math.max(worst, Math.abs(va - vb) - c.rtol() * Math.abs(va));
          }
        }
      }
      System.out.println(
          "train_loss_mape: a learning rate one ulp larger moves the trained weights by "
              + worst
              + " beyond rtol (atol "
              + c.atol()
              + ")");
      assertTrue(worst > c.atol(), "the ulp stays within tolerance: " + worst);
    }
  }
}
