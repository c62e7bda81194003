package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.losses.TrainEvaluate;
import io.keras4j.losses.TrainEvaluate.Case;
import io.keras4j.losses.TrainEvaluate.Output;
import io.keras4j.serialization.KerasRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.ndarray.Shape;

class CompileMetricsTest {

  static List<CompileMetrics.Entry> resolve(Case c) {
    List<Output> outs = c.outputs();
    List<String> names = outs.size() > 1 ? outs.stream().map(Output::name).toList() : List.of();
    return CompileMetrics.resolve(
        c.metrics(),
        null,
        names,
        outs.stream().map(Output::yShape).toList(),
        outs.stream().map(Output::predShape).toList(),
        KerasRegistry.builtins());
  }

  @TestFactory
  Stream<DynamicTest> history_names_are_the_ones_keras_reported() {
    return TrainEvaluate.cases().values().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      Set<String> want = new TreeSet<>(c.evaluate().keySet());
                      want.removeIf(k -> k.equals("loss") || k.endsWith("_loss"));
                      Set<String> got = new TreeSet<>();
                      resolve(c).forEach(e -> got.add(e.historyName()));
                      assertEquals(want, got);
                    }));
  }

  private static List<String> names(List<CompileMetrics.Entry> entries) {
    return entries.stream().map(CompileMetrics.Entry::historyName).toList();
  }

  @Test
  void repeated_names_are_numbered_and_weighted_ones_prefixed() {
    var json = MetricKit.json("[\"accuracy\", \"accuracy\", \"mae\"]");
    var weighted = MetricKit.json("[\"accuracy\", \"mae\", \"mae\"]");
    Shape s = Shape.of(-1, 3);
    List<CompileMetrics.Entry> entries =
        CompileMetrics.resolve(
            json, weighted, List.of(), List.of(s), List.of(s), KerasRegistry.builtins());
    assertEquals(
        List.of(
            "accuracy", "accuracy_1", "mae", "weighted_accuracy", "weighted_mae", "weighted_mae_1"),
        names(entries));
    assertEquals(
        List.of(false, false, false, true, true, true),
        entries.stream().map(CompileMetrics.Entry::weighted).toList());
  }

  @Test
  void several_outputs_take_a_list_per_output_or_a_map_by_name() {
    Shape reg = Shape.of(-1, 2);
    Shape cls = Shape.of(-1, 1);
    List<Shape> shapes = List.of(reg, cls);
    List<String> outputs = List.of("reg", "cls");
    var byName = MetricKit.json("{\"cls\": [\"accuracy\", \"auc\"]}");
    List<CompileMetrics.Entry> entries =
        CompileMetrics.resolve(byName, null, outputs, shapes, shapes, KerasRegistry.builtins());
    assertEquals(List.of("cls_accuracy", "cls_auc"), names(entries));
    assertEquals(1, entries.get(0).output());
    var byPosition = MetricKit.json("[\"mae\", [\"accuracy\"]]");
    entries =
        CompileMetrics.resolve(byPosition, null, outputs, shapes, shapes, KerasRegistry.builtins());
    assertEquals(List.of("reg_mae", "cls_accuracy"), names(entries));
    assertEquals(BinaryAccuracy.class, entries.get(1).metric().getClass());
    var wrong = MetricKit.json("[\"mae\"]");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CompileMetrics.resolve(wrong, null, outputs, shapes, shapes, KerasRegistry.builtins()));
  }
}
