package io.keras4j.losses;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.serialization.KerasJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' own answers for losses and metrics: for each training fixture of {@code
 * ../shared/keras-fixtures/train_*}, the compiled losses and metrics, the targets, the trained
 * model's predictions ({@code after}) and what {@code model.evaluate} reported on them.
 *
 * <p>{@code train-evaluate.json} holds these values copied verbatim from each case's {@code
 * train.h5} ({@code y/*}, {@code after/*}, the attributes of {@code evaluate}) and {@code
 * model.keras} ({@code compile_config}); see the README beside it.
 */
public final class TrainEvaluate {

  private TrainEvaluate() {}

  /** One output of a fixture: its name (multi-output models only), targets and predictions. */
  public record Output(
      @Nullable String name,
      Shape yShape,
      double[] y,
      boolean integerTargets,
      Shape predShape,
      double[] pred) {}

  /** One fixture. */
  public record Case(
      String name,
      JsonNode loss,
      JsonNode lossWeights,
      JsonNode metrics,
      Map<String, Double> evaluate,
      double rtol,
      double atol,
      List<Output> outputs) {

    /** Whether {@code got} is Keras' {@code want} within the case's tolerance. */
    public boolean close(double want, double got) {
      return Math.abs(got - want) <= atol + rtol * Math.abs(want);
    }
  }

  /** Every fixture, by name. */
  public static Map<String, Case> cases() {
    JsonNode root;
    try (InputStream in = TrainEvaluate.class.getResourceAsStream("train-evaluate.json")) {
      root = KerasJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Case> cases = new LinkedHashMap<>();
    root.properties()
        .forEach(
            e -> {
              JsonNode c = e.getValue();
              List<Output> outputs = new ArrayList<>();
              for (JsonNode o : c.get("outputs")) {
                outputs.add(
                    new Output(
                        o.get("name").isNull() ? null : o.get("name").asText(),
                        shape(o.get("y_shape")),
                        doubles(o.get("y")),
                        o.get("y_dtype").asText().startsWith("int"),
                        shape(o.get("pred_shape")),
                        doubles(o.get("pred"))));
              }
              Map<String, Double> evaluate = new LinkedHashMap<>();
              c.get("evaluate")
                  .properties()
                  .forEach(m -> evaluate.put(m.getKey(), m.getValue().asDouble()));
              cases.put(
                  e.getKey(),
                  new Case(
                      e.getKey(),
                      c.get("loss"),
                      c.get("loss_weights"),
                      c.get("metrics"),
                      evaluate,
                      c.get("rtol").asDouble(),
                      c.get("atol").asDouble(),
                      outputs));
            });
    return cases;
  }

  private static Shape shape(JsonNode n) {
    long[] d = new long[n.size()];
    for (int i = 0; i < d.length; i++) d[i] = n.get(i).asLong();
    return Shape.of(d);
  }

  private static double[] doubles(JsonNode n) {
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
    return v;
  }
}
