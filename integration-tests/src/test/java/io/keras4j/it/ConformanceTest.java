package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.cli.OutputComparison;
import io.keras4j.io.ModelReader;
import io.keras4j.io.h5.ReferenceFile;
import io.keras4j.models.Model;
import io.keras4j.serialization.UnknownObjectException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Result;

/**
 * One test per forward case of the Keras reference fixtures: load the model Keras saved, predict on
 * the inputs Keras used, and compare every output with Keras' within the case's tolerances. A case
 * whose layers Keras4J does not implement yet is skipped, naming the layer.
 */
class ConformanceTest {

  static final ModelReader READER = ModelReader.create().withRegistry(SeedLayers.registry());

  @TestFactory
  Stream<DynamicTest> kerasFiles() {
    return forwardCases()
        .map(c -> dynamicTest(c.name() + " (model.keras)", () -> check(c, c.model())));
  }

  @TestFactory
  Stream<DynamicTest> legacyH5Files() {
    return forwardCases()
        .filter(c -> KerasFixtures.exists(c.legacyH5()))
        .map(c -> dynamicTest(c.name() + " (model.h5)", () -> check(c, c.legacyH5())));
  }

  @TestFactory
  Stream<DynamicTest> keras2Files() {
    return KerasFixtures.keras2Cases().stream()
        .flatMap(
            c -> {
              Stream.Builder<DynamicTest> tests = Stream.builder();
              c.file("model")
                  .ifPresent(
                      m ->
                          tests.add(
                              dynamicTest(
                                  c.name() + " (" + m.getFileName() + ")", () -> check(c, m))));
              if (c.file("config").isPresent() && c.file("weights").isPresent()) {
                Path config = c.file("config").get();
                Path weights = c.file("weights").get();
                tests.add(
                    dynamicTest(
                        c.name()
                            + " ("
                            + config.getFileName()
                            + " + "
                            + weights.getFileName()
                            + ")",
                        () -> check(c, config, weights)));
              }
              return tests.build();
            });
  }

  private static Stream<KerasFixtures.Case> forwardCases() {
    return KerasFixtures.cases().stream().filter(c -> !c.isTraining() && !c.hasTag("security"));
  }

  static void check(KerasFixtures.Case c, Path config, Path weights) throws Exception {
    Model model;
    try {
      model = READER.read(config, weights);
    } catch (UnknownObjectException e) {
      Assumptions.abort("not implemented yet: " + e.key());
      return;
    }
    compare(c, model, c.rtol(), c.atol());
  }

  static void check(KerasFixtures.Case c, Path modelFile) throws Exception {
    check(c, modelFile, READER, c.rtol(), c.atol());
  }

  static void check(
      KerasFixtures.Case c, Path modelFile, ModelReader reader, double rtol, double atol)
      throws Exception {
    Model model;
    try {
      model = reader.read(modelFile);
    } catch (UnknownObjectException e) {
      Assumptions.abort("not implemented yet: " + e.key());
      return;
    }
    compare(c, model, rtol, atol);
  }

  static void compare(KerasFixtures.Case c, Model model, double rtol, double atol)
      throws Exception {
    try (model;
        ReferenceFile ref = ReferenceFile.read(c.io());
        Result r = model.predict(ref.inputs())) {
      assertEquals(ref.outputs().size(), r.size(), "number of outputs");
      List<OutputComparison> results =
          java.util.stream.IntStream.range(0, r.size())
              .mapToObj(
                  i ->
                      OutputComparison.of(
                          i,
                          r.get(i),
                          ref.outputs().get(i).shape(),
                          ref.outputs().get(i).values(),
                          rtol,
                          atol))
              .toList();
      String report =
          results.stream().map(OutputComparison::describe).collect(Collectors.joining("\n"));
      System.out.println(c.name() + "\n" + report);
      assertTrue(results.stream().allMatch(OutputComparison::withinTolerance), report);
    }
  }
}
