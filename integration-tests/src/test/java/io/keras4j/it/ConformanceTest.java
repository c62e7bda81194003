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
    return KerasFixtures.cases().stream()
        .filter(c -> !c.isTraining() && !c.hasTag("security"))
        .map(c -> dynamicTest(c.name() + " (model.keras)", () -> check(c, c.model())));
  }

  static void check(KerasFixtures.Case c, Path modelFile) throws Exception {
    check(c, modelFile, READER, c.rtol(), c.atol());
  }

  static void check(KerasFixtures.Case c, Path modelFile, ModelReader reader, double rtol, double atol)
      throws Exception {
    Model model;
    try {
      model = reader.read(modelFile);
    } catch (UnknownObjectException e) {
      Assumptions.abort("layer not implemented yet: " + e.key());
      return;
    }
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
