package io.keras4j.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What Keras' {@code model.compile(optimizer, loss, loss_weights, metrics, weighted_metrics)} sets:
 * the optimizer, a loss (one for every output, or one per named output), optional loss weights per
 * output, and metrics. Metrics given with {@code metric} ignore sample and class weights; {@code
 * weightedMetric} ones take them, as Keras' {@code weighted_metrics}.
 *
 * <pre>{@code
 * model.compile(Compile.builder().optimizer(new Adam()).loss(new CategoricalCrossentropy())
 *     .metric(new CategoricalAccuracy()).build());
 * }</pre>
 *
 * <p>A model read from a file with a {@code compile_config} is compiled with {@link
 * #metricsJson()}: metric names such as {@code "accuracy"} that Keras resolves from the shapes of
 * the first batch, and resolves the same way here.
 */
public final class Compile {

  /** A metric given in Java, for one output ({@code null}: the only one) or every output. */
  public record MetricSpec(@Nullable String output, Metric metric, boolean weighted) {
    public MetricSpec {
      Objects.requireNonNull(metric, "metric");
    }
  }

  private final Optimizer optimizer;
  private final @Nullable Loss loss;
  private final Map<String, Loss> outputLosses;
  private final Map<String, Double> lossWeights;
  private final List<MetricSpec> metrics;
  private final @Nullable JsonNode metricsJson;
  private final @Nullable JsonNode weightedMetricsJson;
  private final @Nullable JsonNode json;

  private Compile(Builder b) {
    this.optimizer = Objects.requireNonNull(b.optimizer, "optimizer");
    if (b.loss == null && b.outputLosses.isEmpty()) {
      throw new IllegalArgumentException("compile needs a loss");
    }
    this.loss = b.loss;
    this.outputLosses = Map.copyOf(b.outputLosses);
    this.lossWeights = Map.copyOf(b.lossWeights);
    this.metrics = List.copyOf(b.metrics);
    this.metricsJson = b.metricsJson;
    this.weightedMetricsJson = b.weightedMetricsJson;
    this.json = b.json;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /** The loss of an output: its own, else the model's single loss. */
  public Loss lossFor(String output) {
    Loss l = outputLosses.getOrDefault(output, loss);
    if (l == null) {
      throw new IllegalArgumentException(
          "No loss for output '" + output + "'; losses are given for " + outputLosses.keySet());
    }
    return l;
  }

  /** The loss of every output, if one was given for all. */
  public @Nullable Loss loss() {
    return loss;
  }

  /** The losses given per output name. */
  public Map<String, Loss> outputLosses() {
    return outputLosses;
  }

  /** The loss weights given per output name. */
  public Map<String, Double> lossWeights() {
    return lossWeights;
  }

  /** The weight of an output's loss, 1 by default. */
  public double lossWeight(String output) {
    return lossWeights.getOrDefault(output, 1.0);
  }

  /** The metrics given in Java, in order. */
  public List<MetricSpec> metrics() {
    return metrics;
  }

  /** Keras' {@code compile_config["metrics"]}, resolved at the first batch; may be absent. */
  public @Nullable JsonNode metricsJson() {
    return metricsJson;
  }

  /** Keras' {@code compile_config["weighted_metrics"]}, resolved at the first batch. */
  public @Nullable JsonNode weightedMetricsJson() {
    return weightedMetricsJson;
  }

  /** The {@code compile_config} this was read from, written back when the model is saved. */
  public @Nullable JsonNode json() {
    return json;
  }

  public static final class Builder {
    private @Nullable Optimizer optimizer;
    private @Nullable Loss loss;
    private final Map<String, Loss> outputLosses = new LinkedHashMap<>();
    private final Map<String, Double> lossWeights = new LinkedHashMap<>();
    private final List<MetricSpec> metrics = new ArrayList<>();
    private @Nullable JsonNode metricsJson;
    private @Nullable JsonNode weightedMetricsJson;
    private @Nullable JsonNode json;

    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** The loss of every output. */
    public Builder loss(Loss loss) {
      this.loss = loss;
      return this;
    }

    /** The loss of the output of that name. */
    public Builder loss(String output, Loss loss) {
      outputLosses.put(output, loss);
      return this;
    }

    public Builder lossWeight(String output, double weight) {
      lossWeights.put(output, weight);
      return this;
    }

    /** A metric of a single-output model (or, in a multi-output model, of every output). */
    public Builder metric(Metric metric) {
      metrics.add(new MetricSpec(null, metric, false));
      return this;
    }

    /** A metric of the output of that name. */
    public Builder metric(String output, Metric metric) {
      metrics.add(new MetricSpec(output, metric, false));
      return this;
    }

    /** A metric that takes sample and class weights, as Keras' {@code weighted_metrics}. */
    public Builder weightedMetric(Metric metric) {
      metrics.add(new MetricSpec(null, metric, true));
      return this;
    }

    public Builder weightedMetric(String output, Metric metric) {
      metrics.add(new MetricSpec(output, metric, true));
      return this;
    }

    /** Metrics as Keras wrote them in a {@code compile_config}. */
    public Builder metricsJson(@Nullable JsonNode metrics, @Nullable JsonNode weightedMetrics) {
      this.metricsJson = metrics;
      this.weightedMetricsJson = weightedMetrics;
      return this;
    }

    /** The {@code compile_config} this compile was read from. */
    public Builder json(@Nullable JsonNode json) {
      this.json = json;
      return this;
    }

    public Compile build() {
      return new Compile(this);
    }
  }
}
