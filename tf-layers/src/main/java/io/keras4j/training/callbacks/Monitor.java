package io.keras4j.training.callbacks;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.internal.Naming;
import io.keras4j.metrics.Metric;
import io.keras4j.models.Model;
import io.keras4j.training.Compile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A logged quantity to watch and what counts as its improvement: Keras' {@code MonitorCallback},
 * shared by {@link EarlyStopping}, {@link ReduceLROnPlateau} and {@code ModelCheckpoint}.
 *
 * <p>A value improves on a reference when {@code current - minDelta > reference} (higher is better)
 * or {@code current + minDelta < reference} (lower is better); anything improves on no reference.
 * {@link Mode#AUTO} decides the direction from the model the first time it is asked, as Keras does
 * at the first epoch's end: {@code loss} and {@code val_loss} decrease; another name must be the
 * name of one of the compiled metrics, and goes the way Keras' metric of that class goes
 * (accuracies, AUC, precision and recall up; errors and cross-entropies down).
 *
 * <pre>{@code
 * Monitor m = new Monitor("val_accuracy", Mode.AUTO, 0.01);
 * boolean better = m.isImprovement(model, 0.93, 0.91); // true: 0.93 - 0.01 > 0.91
 * }</pre>
 */
public final class Monitor {

  /**
   * Keras' {@code _direction} of its built-in metrics, by class name, snake-case name and alias.
   */
  private static final Map<String, Boolean> HIGHER_IS_BETTER = directions();

  private final String name;
  private final Mode mode;
  private final double minDelta;
  private @Nullable Boolean higherIsBetter;

  /**
   * @param name the key of the quantity in the logs ({@code "val_loss"}, {@code "accuracy"}, ...)
   * @param minDelta the least change that counts as an improvement; its sign is ignored, as in
   *     Keras
   */
  public Monitor(String name, Mode mode, double minDelta) {
    this.name = Objects.requireNonNull(name, "monitor");
    this.mode = Objects.requireNonNull(mode, "mode");
    if (Double.isNaN(minDelta)) {
      throw new IllegalArgumentException("min_delta must be a number, received NaN");
    }
    this.minDelta = Math.abs(minDelta);
    if (mode == Mode.MIN) higherIsBetter = false;
    if (mode == Mode.MAX) higherIsBetter = true;
  }

  public String name() {
    return name;
  }

  public Mode mode() {
    return mode;
  }

  /** The least change that counts as an improvement, non-negative. */
  public double minDelta() {
    return minDelta;
  }

  /**
   * Whether higher values are better; for {@link Mode#AUTO}, decided from {@code model} on the
   * first call and kept.
   *
   * @throws IllegalArgumentException in auto mode, for a quantity whose direction Keras cannot
   *     infer either
   */
  public synchronized boolean higherIsBetter(Model model) {
    if (higherIsBetter == null) {
      higherIsBetter = inferDirection(model);
    }
    return higherIsBetter;
  }

  /** Keras' {@code _is_improvement}: whether {@code current} improves on {@code reference}. */
  public boolean isImprovement(Model model, double current, @Nullable Double reference) {
    if (reference == null) return true;
    return higherIsBetter(model) ? current - minDelta > reference : current + minDelta < reference;
  }

  private boolean inferDirection(Model model) {
    String metric = name.startsWith("val_") ? name.substring(4) : name;
    Boolean found = metric.equals("loss") ? Boolean.FALSE : null;
    // Keras parity: a compiled metric of that name decides, even over the name "loss".
    Compile compile = model.compileOptions().orElse(null);
    if (compile != null) {
      for (Compile.MetricSpec spec : compile.metrics()) {
        if (spec.metric().name().equals(metric)) {
          Boolean d = direction(spec.metric());
          if (d != null) found = d;
        }
      }
      for (JsonNode json : new JsonNode[] {compile.metricsJson(), compile.weightedMetricsJson()}) {
        if (json != null) {
          Boolean d = directionInJson(json, metric);
          if (d != null) found = d;
        }
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          "Callback received monitor="
              + name
              + ", but Keras4J, like Keras, cannot tell whether that metric should be maximized"
              + " or minimized. Pass Mode.MAX to monitor based on the highest metric value, or"
              + " Mode.MIN for the lowest value.");
    }
    return found;
  }

  /** The direction of a Java metric object: that of the nearest built-in class it extends. */
  private static @Nullable Boolean direction(Metric metric) {
    for (Class<?> c = metric.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getPackageName().equals(Metric.class.getPackageName())) {
        Boolean d = HIGHER_IS_BETTER.get(c.getSimpleName());
        if (d != null) return d;
      }
    }
    return null;
  }

  /**
   * The direction of the metric named {@code metric} in a {@code compile_config}'s {@code metrics}
   * (names such as {@code "accuracy"} or {@code "mse"}, and metric envelopes), in any nesting of
   * lists and per-output maps.
   */
  private static @Nullable Boolean directionInJson(JsonNode json, String metric) {
    if (json.isTextual()) {
      return json.asText().equals(metric) ? HIGHER_IS_BETTER.get(json.asText()) : null;
    }
    if (json.isObject() && json.has("class_name")) {
      JsonNode config = json.path("config");
      String className = json.path("class_name").asText();
      String metricName =
          config.path("name").isTextual()
              ? config.path("name").asText()
              : Naming.toSnakeCase(className);
      return metricName.equals(metric) ? HIGHER_IS_BETTER.get(className) : null;
    }
    Boolean found = null;
    for (JsonNode child : json) {
      Boolean d = directionInJson(child, metric);
      if (d != null) found = d;
    }
    return found;
  }

  private static Map<String, Boolean> directions() {
    List<String> up =
        List.of(
            "Accuracy",
            "BinaryAccuracy",
            "CategoricalAccuracy",
            "SparseCategoricalAccuracy",
            "TopKCategoricalAccuracy",
            "SparseTopKCategoricalAccuracy",
            "AUC",
            "Precision",
            "Recall",
            "SensitivityAtSpecificity",
            "SpecificityAtSensitivity",
            "PrecisionAtRecall",
            "RecallAtPrecision",
            "CosineSimilarity",
            "R2Score",
            "F1Score",
            "FBetaScore",
            "IoU",
            "BinaryIoU",
            "MeanIoU",
            "OneHotIoU",
            "OneHotMeanIoU",
            "PearsonCorrelation",
            "ConcordanceCorrelation");
    List<String> down =
        List.of(
            "MeanSquaredError",
            "MeanAbsoluteError",
            "MeanAbsolutePercentageError",
            "MeanSquaredLogarithmicError",
            "RootMeanSquaredError",
            "LogCoshError",
            "BinaryCrossentropy",
            "CategoricalCrossentropy",
            "SparseCategoricalCrossentropy",
            "KLDivergence",
            "Poisson",
            "Hinge",
            "SquaredHinge",
            "CategoricalHinge");
    Map<String, Boolean> m = new HashMap<>();
    for (String c : up) {
      m.put(c, true);
      m.put(Naming.toSnakeCase(c), true);
    }
    for (String c : down) {
      m.put(c, false);
      m.put(Naming.toSnakeCase(c), false);
    }
    // Keras' string names that resolve to those classes in compile.
    for (String a : List.of("accuracy", "acc")) m.put(a, true);
    for (String a :
        List.of("mse", "MSE", "mae", "MAE", "mape", "MAPE", "msle", "MSLE", "bce", "BCE")) {
      m.put(a, false);
    }
    return Map.copyOf(m);
  }
}
