package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.internal.JavaArrays;
import io.keras4j.io.h5.ReferenceFile;
import io.keras4j.io.savedmodel.SavedModelExporter;
import io.keras4j.models.Model;
import io.keras4j.serialization.UnknownObjectException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;

/**
 * A SavedModel export, reloaded with TensorFlow Java's {@code SavedModelBundle}, gives the same
 * outputs as the model it came from: one case per layer family of the fixtures.
 */
class SavedModelTest {

  @TempDir static Path dir;

  /** One fixture per family (the first of each name prefix). */
  @TestFactory
  Stream<DynamicTest> exportsServeTheSameOutputs() {
    Map<String, KerasFixtures.Case> families = new java.util.LinkedHashMap<>();
    for (KerasFixtures.Case c : KerasFixtures.cases()) {
      if (c.isTraining() || c.hasTag("security")) continue;
      families.putIfAbsent(c.name().replaceAll("_.*", ""), c);
    }
    return families.values().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(KerasFixtures.Case c) throws Exception {
    Model model;
    try {
      model = ConformanceTest.READER.read(c.model());
    } catch (UnknownObjectException e) {
      Assumptions.abort("not implemented yet: " + e.key());
      return;
    }
    Path export = dir.resolve(c.name());
    try (model;
        ReferenceFile ref = ReferenceFile.read(c.io())) {
      SavedModelExporter.export(model, export);
      try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve");
          Result expected = model.predict(ref.inputs())) {
        SessionFunction serving = bundle.function(SavedModelExporter.SERVING_DEFAULT);
        Signature sig = serving.signature();
        assertEquals(Set.copyOf(model.inputNames()), Set.copyOf(sig.inputNames()));
        Map<String, Tensor> feeds = new HashMap<>();
        for (int i = 0; i < ref.inputs().size(); i++) {
          feeds.put(model.inputNames().get(i), ref.inputs().get(i));
        }
        try (Result served = serving.call(feeds)) {
          List<String> outNames = List.copyOf(sig.outputNames());
          assertEquals(expected.size(), outNames.size());
          for (int i = 0; i < expected.size(); i++) {
            String name = i < model.outputNames().size() ? model.outputNames().get(i) : null;
            Tensor t =
                served
                    .get(Objects.requireNonNull(outNames.contains(name) ? name : outNames.get(i)))
                    .orElseThrow();
            assertArrayEqualsDeep(JavaArrays.toArray(expected.get(i)), JavaArrays.toArray(t));
          }
        }
      }
    }
  }

  private static void assertArrayEqualsDeep(Object a, Object b) {
    if (a instanceof float[] fa) {
      assertArrayEquals(fa, (float[]) b);
    } else {
      Object[] oa = (Object[]) a;
      Object[] ob = (Object[]) b;
      assertEquals(oa.length, ob.length);
      for (int i = 0; i < oa.length; i++) assertArrayEqualsDeep(oa[i], ob[i]);
    }
  }
}
