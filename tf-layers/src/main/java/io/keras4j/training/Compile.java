package io.keras4j.training;

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
 * What Keras' {@code model.compile(optimizer, loss, loss_weights, metrics)} sets: the optimizer,
 * a loss (one for every output, or one per named output), optional loss weights per output, and
 * metrics (for every output, or per named output).
 *
 * <pre>{@code
 * model.compile(Compile.builder().optimizer(new Adam()).loss(new CategoricalCrossentropy())
 *     .metric(new CategoricalAccuracy()).build());
 * }</pre>
 */
public final class Compile {

  private final Optimizer optimizer;
  private final @Nullable Loss loss;
  private final Map<String, Loss> outputLosses;
  private final Map<String, Double> lossWeights;
  private final List<Metric> metrics;
  private final Map<String, List<Metric>> outputMetrics;

  private Compile(Builder b) {
    this.optimizer = Objects.requireNonNull(b.optimizer, "optimizer");
    if (b.loss == null && b.outputLosses.isEmpty()) {
      throw new IllegalArgumentException("compile needs a loss");
    }
    this.loss = b.loss;
    this.outputLosses = Map.copyOf(b.outputLosses);
    this.lossWeights = Map.copyOf(b.lossWeights);
    this.metrics = List.copyOf(b.metrics);
    Map<String, List<Metric>> m = new LinkedHashMap<>();
    b.outputMetrics.forEach((k, v) -> m.put(k, List.copyOf(v)));
    this.outputMetrics = m;
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

  /** Whether losses were given per output name (Keras then names them {@code <output>_loss}). */
  public boolean perOutputLosses() {
    return !outputLosses.isEmpty();
  }

  /** The weight of an output's loss, 1 by default. */
  public double lossWeight(String output) {
    return lossWeights.getOrDefault(output, 1.0);
  }

  /** The metrics of an output: its own, else the ones given for every output. */
  public List<Metric> metricsFor(String output) {
    return outputMetrics.getOrDefault(output, metrics);
  }

  public static final class Builder {
    private @Nullable Optimizer optimizer;
    private @Nullable Loss loss;
    private final Map<String, Loss> outputLosses = new LinkedHashMap<>();
    private final Map<String, Double> lossWeights = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final Map<String, List<Metric>> outputMetrics = new LinkedHashMap<>();

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

    /** A metric of every output. */
    public Builder metric(Metric metric) {
      metrics.add(metric);
      return this;
    }

    /** A metric of the output of that name. */
    public Builder metric(String output, Metric metric) {
      outputMetrics.computeIfAbsent(output, k -> new ArrayList<>()).add(metric);
      return this;
    }

    public Compile build() {
      return new Compile(this);
    }
  }
}
