package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.Weight;
import io.keras4j.metrics.CompileMetrics;
import io.keras4j.models.Model;
import io.keras4j.serialization.CompileConfigs;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The losses and metrics end to end: each Keras training fixture's model, built from its config
 * with its initial weights, compiled from its {@code compile_config} (losses by {@link Losses},
 * metrics by {@link CompileMetrics}) and fitted as Keras fitted it; every {@code History} value
 * must be Keras' within the case's tolerance.
 *
 * <p>{@code train-history.json} holds each case's model config, {@code compile_config} and initial
 * weights ({@code model.keras}), and its data, fit arguments and {@code history/*} ({@code
 * train.h5}), copied verbatim.
 */
class TrainHistoryTest {

  private static final ReadContext READ = ReadContext.of(KerasRegistry.builtins());

  @TestFactory
  Stream<DynamicTest> history_matches_keras() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("train-history.json")) {
      root = KerasJson.mapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    root.properties()
        .forEach(
            e ->
                tests.add(
                    DynamicTest.dynamicTest(e.getKey(), () -> replay(e.getKey(), e.getValue()))));
    return tests.stream();
  }

  private static void replay(String name, JsonNode c) throws IOException {
    List<Tensor> x = new ArrayList<>();
    List<Tensor> y = new ArrayList<>();
    try (Model model = ConfigSerializer.of(READ).deserializeModel(c.get("model"))) {
      model.build();
      assign(model, c.get("weights"));
      c.get("x").forEach(t -> x.add(tensor(t)));
      c.get("y").forEach(t -> y.add(tensor(t)));
      model.compile(CompileConfigs.fromJson(c.get("compile_config"), model, READ));
      FitOptions.Builder fit =
          FitOptions.builder()
              .batchSize(c.get("batch_size").asInt())
              .epochs(c.get("epochs").asInt())
              .shuffle(false)
              .verbose(0);
      if (c.has("sample_weight")) {
        JsonNode sw = c.get("sample_weight");
        float[] w = new float[sw.size()];
        for (int i = 0; i < w.length; i++) w[i] = sw.get(i).floatValue();
        fit.sampleWeight(w);
      }
      if (c.has("class_weight")) {
        Map<Integer, Double> cw = new HashMap<>();
        c.get("class_weight")
            .properties()
            .forEach(p -> cw.put(Integer.parseInt(p.getKey()), p.getValue().asDouble()));
        fit.classWeight(cw);
      }
      if (c.has("validation_split")) {
        fit.validationSplit(c.get("validation_split").asDouble());
      }
      History history = model.fit(x, y, fit.build());
      double rtol = c.get("rtol").asDouble();
      double atol = c.get("atol").asDouble();
      assertEquals(
          new java.util.TreeSet<>(fieldNames(c.get("history"))),
          new java.util.TreeSet<>(history.history().keySet()),
          name + " History keys");
      c.get("history")
          .properties()
          .forEach(
              h -> {
                List<Double> got = history.get(h.getKey());
                for (int epoch = 0; epoch < h.getValue().size(); epoch++) {
                  double want = h.getValue().get(epoch).asDouble();
                  double g = got.get(epoch);
                  assertTrue(
                      Math.abs(g - want) <= atol + rtol * Math.abs(want),
                      name
                          + " "
                          + h.getKey()
                          + " epoch "
                          + epoch
                          + ": Keras "
                          + want
                          + ", Keras4J "
                          + g);
                }
              });
    } finally {
      x.forEach(Tensor::close);
      y.forEach(Tensor::close);
    }
  }

  /** compile_config as Keras' compile reads it: the optimizer, losses by output, metrics. */
  private static Loss loss(JsonNode identifier, Shape yTrue, Shape yPred) {
    return identifier.isTextual()
        ? Losses.get(identifier.asText(), yTrue, yPred)
        : LossKit.read(identifier);
  }

  private static void assign(Model model, JsonNode weights) {
    List<Weight> ws = model.weights();
    assertEquals(weights.size(), ws.size(), "weights of " + model.name());
    Map<Weight, Tensor> values = new HashMap<>();
    try {
      for (int i = 0; i < ws.size(); i++) {
        JsonNode w = weights.get(i);
        Shape shape = shape(w.get("shape"));
        assertEquals(shape, ws.get(i).shape(), ws.get(i).path());
        values.put(
            ws.get(i),
            TFloat32.tensorOf(shape, DataBuffers.of(floats(w.get("values")), true, false)));
      }
      model.assignWeights(values);
    } finally {
      values.values().forEach(Tensor::close);
    }
  }

  private static Tensor tensor(JsonNode t) {
    Shape shape = shape(t.get("shape"));
    if (t.get("dtype").asText().startsWith("int")) {
      JsonNode v = t.get("values");
      int[] a = new int[v.size()];
      for (int i = 0; i < a.length; i++) a[i] = v.get(i).asInt();
      return TInt32.tensorOf(shape, DataBuffers.of(a, true, false));
    }
    return TFloat32.tensorOf(shape, DataBuffers.of(floats(t.get("values")), true, false));
  }

  private static float[] floats(JsonNode v) {
    float[] a = new float[v.size()];
    for (int i = 0; i < a.length; i++) a[i] = v.get(i).floatValue();
    return a;
  }

  private static Shape shape(JsonNode n) {
    long[] d = new long[n.size()];
    for (int i = 0; i < d.length; i++) d[i] = n.get(i).asLong();
    return Shape.of(d);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
