package io.keras4j.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.internal.Naming;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;
import io.keras4j.serialization.ReadContext;
import io.keras4j.serialization.UnknownObjectException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' built-in metrics: their registration, one line per class (under the class name, its snake
 * case and Keras' short aliases), and the resolution of the metric names {@code compile} accepts.
 */
public final class Metrics {

  private Metrics() {}

  public static void register(KerasRegistry.Builder b) {
    metric(b, "Accuracy", Accuracy.class);
    metric(b, "AUC", AUC.class);
    metric(b, "BinaryAccuracy", BinaryAccuracy.class);
    metric(b, "CategoricalAccuracy", CategoricalAccuracy.class);
    metric(b, "FalseNegatives", FalseNegatives.class);
    metric(b, "FalsePositives", FalsePositives.class);
    metric(b, "Mean", Mean.class);
    metric(b, "MeanAbsoluteError", MeanAbsoluteError.class, "mae", "MAE");
    metric(b, "MeanAbsolutePercentageError", MeanAbsolutePercentageError.class, "mape", "MAPE");
    metric(b, "MeanSquaredError", MeanSquaredError.class, "mse", "MSE");
    metric(b, "MeanSquaredLogarithmicError", MeanSquaredLogarithmicError.class, "msle", "MSLE");
    metric(b, "Precision", Precision.class);
    metric(b, "Recall", Recall.class);
    metric(b, "RootMeanSquaredError", RootMeanSquaredError.class);
    metric(b, "SparseCategoricalAccuracy", SparseCategoricalAccuracy.class);
    metric(b, "Sum", Sum.class);
    metric(b, "TopKCategoricalAccuracy", TopKCategoricalAccuracy.class);
    metric(b, "TrueNegatives", TrueNegatives.class);
    metric(b, "TruePositives", TruePositives.class);
  }

  /** Registers a metric class under its Keras names: class name, snake case, aliases. */
  private static void metric(
      KerasRegistry.Builder b, String className, Class<? extends Metric> type, String... aliases) {
    ObjectType t = ObjectType.of(Category.METRIC, className, type);
    b.object(t);
    b.alias(Naming.toSnakeCase(className), t);
    for (String alias : aliases) {
      b.alias(alias, t);
    }
  }

  /**
   * Keras' {@code get_metric} in {@code compile} for a name, resolved in the built-in registry:
   * {@code "accuracy"} and {@code "acc"} give {@link BinaryAccuracy} when predictions end in a
   * dimension of 1, {@link SparseCategoricalAccuracy} when targets have a lower rank than
   * predictions (or end in 1 while predictions do not) and {@link CategoricalAccuracy} otherwise;
   * any other name is a metric class by class name, snake case or alias ({@code "mae"}). The metric
   * is named {@code identifier}, the name {@code History} reports it under.
   *
   * @param yTrue the static shape of the targets
   * @param yPred the static shape of the predictions
   * @throws UnknownObjectException for a name that is no metric
   */
  public static Metric get(String identifier, Shape yTrue, Shape yPred) {
    return get(identifier, yTrue, yPred, KerasRegistry.builtins());
  }

  /** {@link #get(String, Shape, Shape)}, resolving names in {@code registry}. */
  public static Metric get(String identifier, Shape yTrue, Shape yPred, KerasRegistry registry) {
    String lower = identifier.toLowerCase(Locale.ROOT);
    if (lower.equals("accuracy") || lower.equals("acc")) {
      long predLast = last(yPred);
      if (predLast == 1) {
        return new BinaryAccuracy(identifier, null, null);
      }
      boolean sparse =
          yTrue.numDimensions() < yPred.numDimensions() || (last(yTrue) == 1 && predLast > 1);
      return sparse
          ? new SparseCategoricalAccuracy(identifier, null)
          : new CategoricalAccuracy(identifier, null);
    }
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("name", identifier);
    ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("class_name", identifier);
    envelope.set("config", config);
    return read(envelope, registry);
  }

  /**
   * A metric of {@code compile}'s {@code metrics} argument as {@code compile_config} holds it: a
   * name (see {@link #get(String, Shape, Shape)}) or Keras' envelope of a metric object.
   */
  public static Metric get(JsonNode identifier, Shape yTrue, Shape yPred, KerasRegistry registry) {
    if (identifier.isTextual()) {
      return get(identifier.asText(), yTrue, yPred, registry);
    }
    return read(identifier, registry);
  }

  private static Metric read(JsonNode json, KerasRegistry registry) {
    try {
      return KerasJson.mapper()
          .readerFor(Metric.class)
          .withAttribute(ReadContext.class, ReadContext.of(registry))
          .readValue(json);
    } catch (UnknownObjectException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create metric " + json, e);
    }
  }

  private static long last(Shape s) {
    return s.numDimensions() == 0 ? -1 : s.get(s.numDimensions() - 1);
  }
}
