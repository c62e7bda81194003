package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType.Category;
import io.keras4j.serialization.UnknownObjectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class MetricsTest {

  // Keras 3.16's names in keras.metrics.ALL_OBJECTS_DICT for the metrics Keras4J has: the class
  // name, its snake case and the short aliases.
  private static final Map<String, Class<? extends Metric>> KERAS_NAMES =
      Map.ofEntries(
          Map.entry("Accuracy", Accuracy.class),
          Map.entry("accuracy", Accuracy.class),
          Map.entry("AUC", AUC.class),
          Map.entry("auc", AUC.class),
          Map.entry("BinaryAccuracy", BinaryAccuracy.class),
          Map.entry("binary_accuracy", BinaryAccuracy.class),
          Map.entry("CategoricalAccuracy", CategoricalAccuracy.class),
          Map.entry("categorical_accuracy", CategoricalAccuracy.class),
          Map.entry("FalseNegatives", FalseNegatives.class),
          Map.entry("false_negatives", FalseNegatives.class),
          Map.entry("FalsePositives", FalsePositives.class),
          Map.entry("false_positives", FalsePositives.class),
          Map.entry("Mean", Mean.class),
          Map.entry("mean", Mean.class),
          Map.entry("MeanAbsoluteError", MeanAbsoluteError.class),
          Map.entry("mean_absolute_error", MeanAbsoluteError.class),
          Map.entry("mae", MeanAbsoluteError.class),
          Map.entry("MAE", MeanAbsoluteError.class),
          Map.entry("MeanAbsolutePercentageError", MeanAbsolutePercentageError.class),
          Map.entry("mean_absolute_percentage_error", MeanAbsolutePercentageError.class),
          Map.entry("mape", MeanAbsolutePercentageError.class),
          Map.entry("MAPE", MeanAbsolutePercentageError.class),
          Map.entry("MeanSquaredError", MeanSquaredError.class),
          Map.entry("mean_squared_error", MeanSquaredError.class),
          Map.entry("mse", MeanSquaredError.class),
          Map.entry("MSE", MeanSquaredError.class),
          Map.entry("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError.class),
          Map.entry("mean_squared_logarithmic_error", MeanSquaredLogarithmicError.class),
          Map.entry("msle", MeanSquaredLogarithmicError.class),
          Map.entry("MSLE", MeanSquaredLogarithmicError.class),
          Map.entry("Precision", Precision.class),
          Map.entry("precision", Precision.class),
          Map.entry("Recall", Recall.class),
          Map.entry("recall", Recall.class),
          Map.entry("RootMeanSquaredError", RootMeanSquaredError.class),
          Map.entry("root_mean_squared_error", RootMeanSquaredError.class),
          Map.entry("SparseCategoricalAccuracy", SparseCategoricalAccuracy.class),
          Map.entry("sparse_categorical_accuracy", SparseCategoricalAccuracy.class),
          Map.entry("Sum", Sum.class),
          Map.entry("sum", Sum.class),
          Map.entry("TopKCategoricalAccuracy", TopKCategoricalAccuracy.class),
          Map.entry("top_k_categorical_accuracy", TopKCategoricalAccuracy.class),
          Map.entry("TrueNegatives", TrueNegatives.class),
          Map.entry("true_negatives", TrueNegatives.class),
          Map.entry("TruePositives", TruePositives.class),
          Map.entry("true_positives", TruePositives.class));

  private static final Shape ANY = Shape.of(-1, 3);

  @Test
  void every_keras_name_is_registered() {
    assertEquals(KERAS_NAMES.keySet(), KerasRegistry.builtins().objectKeys(Category.METRIC));
    KERAS_NAMES.forEach(
        (name, type) ->
            assertEquals(
                type,
                KerasRegistry.builtins().object(Category.METRIC, name).orElseThrow().javaClass(),
                name));
  }

  @Test
  void a_name_gives_its_metric_named_as_given() {
    KERAS_NAMES.forEach(
        (name, type) -> {
          if (name.equalsIgnoreCase("accuracy")) return;
          Metric m = Metrics.get(name, ANY, ANY);
          assertEquals(type, m.getClass(), name);
          // compile names a metric given by name after that name, as History shows it.
          assertEquals(name, m.name());
        });
  }

  @Test
  void accuracy_is_chosen_from_the_shapes_as_compile_does() {
    assertInstanceOf(
        BinaryAccuracy.class, Metrics.get("accuracy", Shape.of(-1, 1), Shape.of(-1, 1)));
    assertInstanceOf(BinaryAccuracy.class, Metrics.get("acc", Shape.of(-1), Shape.of(-1, 1)));
    assertInstanceOf(
        SparseCategoricalAccuracy.class, Metrics.get("accuracy", Shape.of(-1), Shape.of(-1, 4)));
    assertInstanceOf(
        SparseCategoricalAccuracy.class, Metrics.get("accuracy", Shape.of(-1, 1), Shape.of(-1, 4)));
    assertInstanceOf(
        CategoricalAccuracy.class, Metrics.get("accuracy", Shape.of(-1, 4), Shape.of(-1, 4)));
    assertInstanceOf(
        CategoricalAccuracy.class, Metrics.get("ACC", Shape.of(-1, 10, 6), Shape.of(-1, 10, 6)));
    assertEquals("acc", Metrics.get("acc", Shape.of(-1, 4), Shape.of(-1, 4)).name());
  }

  @Test
  void unknown_names_list_the_known_ones() {
    var e = assertThrows(UnknownObjectException.class, () -> Metrics.get("f1", ANY, ANY));
    assertTrue(e.getMessage().contains("binary_accuracy"), e.getMessage());
  }
}
