package io.keras4j.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.KerasRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ndarray.Shape;

/**
 * The metrics {@code compile} builds from its {@code metrics} and {@code weighted_metrics}
 * arguments, and the names {@code History} reports them under: Keras' {@code CompileMetrics}.
 *
 * <p>For a single output every metric of the arguments applies to it, under its own name. For
 * several outputs the arguments are a list with one entry (a metric, a list of them or {@code
 * null}) per output, or a map from output names to entries; a metric of output {@code cls} is
 * reported as {@code cls_<name>}. A name met twice gets {@code _1}, {@code _2}, ...; a weighted
 * metric whose name is taken is reported as {@code weighted_<name>}.
 *
 * <pre>{@code
 * List<CompileMetrics.Entry> entries = CompileMetrics.resolve(
 *     compileConfig.get("metrics"), compileConfig.get("weighted_metrics"),
 *     List.of("reg", "cls"), yTrueShapes, yPredShapes, KerasRegistry.builtins());
 * // reg_mae, cls_accuracy
 * }</pre>
 */
public final class CompileMetrics {

  private CompileMetrics() {}

  /**
   * A compiled metric.
   *
   * @param historyName the key of its values in {@code History} (without {@code val_})
   * @param output the index of the model output it measures
   * @param weighted whether it takes the sample weights ({@code weighted_metrics})
   */
  public record Entry(String historyName, Metric metric, int output, boolean weighted) {
    public Entry {
      Objects.requireNonNull(historyName, "historyName");
      Objects.requireNonNull(metric, "metric");
    }
  }

  /**
   * Keras' {@code CompileMetrics.build} and the names of its {@code result}: the metrics, in the
   * order Keras reports them (every output's metrics, then every output's weighted metrics).
   *
   * @param metrics {@code compile_config["metrics"]}, {@code null} or JSON null for none
   * @param weightedMetrics {@code compile_config["weighted_metrics"]}
   * @param outputNames the model's output names, in output order
   * @param yTrue the static shape of each output's targets
   * @param yPred the static shape of each output's predictions
   */
  public static List<Entry> resolve(
      @Nullable JsonNode metrics,
      @Nullable JsonNode weightedMetrics,
      List<String> outputNames,
      List<Shape> yTrue,
      List<Shape> yPred,
      KerasRegistry registry) {
    int outputs = yPred.size();
    if (yTrue.size() != outputs || (outputs > 1 && outputNames.size() != outputs)) {
      throw new IllegalArgumentException(
          "Expected targets, predictions and names for each of "
              + outputs
              + " outputs, received "
              + yTrue.size()
              + " targets and names "
              + outputNames);
    }
    List<List<Metric>> plain = build(metrics, "metrics", outputNames, yTrue, yPred, registry);
    List<List<Metric>> weighted =
        build(weightedMetrics, "weighted_metrics", outputNames, yTrue, yPred, registry);
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> counters = new HashMap<>();
    for (int o = 0; o < outputs; o++) {
      String prefix = outputs > 1 ? outputNames.get(o) + "_" : "";
      for (Metric m : plain.get(o)) {
        String name = prefix + m.name();
        Integer index = counters.get(name);
        if (index == null) {
          counters.put(name, 1);
        } else {
          counters.put(name, index + 1);
          name = name + "_" + index;
        }
        entries.add(new Entry(name, m, o, false));
      }
    }
    for (int o = 0; o < outputs; o++) {
      String prefix = outputs > 1 ? outputNames.get(o) + "_" : "";
      for (Metric m : weighted.get(o)) {
        String name = prefix + m.name();
        if (!counters.containsKey(name)) {
          counters.put(name, 1);
        } else {
          name = prefix + "weighted_" + m.name();
          Integer index = counters.get(name);
          if (index == null) {
            counters.put(name, 1);
          } else {
            counters.put(name, index + 1);
            name = name + "_" + index;
          }
        }
        entries.add(new Entry(name, m, o, true));
      }
    }
    return entries;
  }

  /** Keras' {@code _build_metrics_set}: the metrics of each output. */
  private static List<List<Metric>> build(
      @Nullable JsonNode metrics,
      String argument,
      List<String> outputNames,
      List<Shape> yTrue,
      List<Shape> yPred,
      KerasRegistry registry) {
    int outputs = yPred.size();
    List<List<Metric>> perOutput = new ArrayList<>();
    if (metrics == null || metrics.isNull() || metrics.isEmpty() && metrics.isContainerNode()) {
      for (int o = 0; o < outputs; o++) perOutput.add(List.of());
      return perOutput;
    }
    if (outputs == 1) {
      List<Metric> all = new ArrayList<>();
      for (JsonNode m : flatten(metrics)) {
        all.add(Metrics.get(m, yTrue.get(0), yPred.get(0), registry));
      }
      perOutput.add(all);
      return perOutput;
    }
    List<@Nullable JsonNode> entries = new ArrayList<>();
    if (metrics.isArray() && metrics.size() == outputs) {
      metrics.forEach(entries::add);
    } else if (metrics.isObject() && outputNames.containsAll(fieldNames(metrics))) {
      for (String name : outputNames) entries.add(metrics.get(name));
    } else {
      throw new IllegalArgumentException(
          "Invalid `"
              + argument
              + "`. `"
              + argument
              + "` should contain metrics objects and either be a dict or a list matching the"
              + " output names of the functional model "
              + outputNames
              + ". Received: "
              + argument
              + "="
              + metrics);
    }
    for (int o = 0; o < outputs; o++) {
      JsonNode entry = entries.get(o);
      List<Metric> list = new ArrayList<>();
      if (entry != null && !entry.isNull()) {
        for (JsonNode m : entry.isArray() ? entry : List.of(entry)) {
          list.add(Metrics.get(m, yTrue.get(o), yPred.get(o), registry));
        }
      }
      perOutput.add(list);
    }
    return perOutput;
  }

  /** Keras' {@code tree.flatten} of a metrics structure: leaves in order, maps by sorted key. */
  private static List<JsonNode> flatten(JsonNode n) {
    List<JsonNode> leaves = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(e -> leaves.addAll(flatten(e)));
    } else if (n.isObject() && !n.has("class_name")) {
      fieldNames(n).stream().sorted().forEach(k -> leaves.addAll(flatten(n.get(k))));
    } else if (!n.isNull()) {
      leaves.add(n);
    }
    return leaves;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
    return names;
  }
}
