package io.keras4j.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.losses.Loss;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.training.Compile;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keras' {@code compile_config} ({@code optimizer}, {@code loss}, {@code loss_weights}, {@code
 * metrics}, {@code weighted_metrics}) to a {@link Compile}, and back. Metric names are kept as
 * Keras wrote them and resolved on the first batch, as Keras resolves them.
 */
public final class CompileConfigs {

  private CompileConfigs() {}

  /** The compile settings of a {@code compile_config} for the given model. */
  public static Compile fromJson(JsonNode config, Model model, ReadContext context) {
    Compile.Builder b = Compile.builder().json(config);
    b.optimizer(
        read(config.get("optimizer"), Optimizer.class, "compile_config.optimizer", context));
    List<String> outputs = model.outputNames();
    JsonNode loss = config.get("loss");
    if (loss == null || loss.isNull()) {
      throw new ConfigException(
          context.source() + ": compile_config.loss", "No loss to train with");
    }
    if (loss.isObject() && !loss.has("class_name")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = loss.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.loss(
            e.getKey(),
            read(e.getValue(), Loss.class, "compile_config.loss." + e.getKey(), context));
      }
    } else if (loss.isArray()) {
      for (int i = 0; i < loss.size(); i++) {
        b.loss(
            outputs.get(i),
            read(loss.get(i), Loss.class, "compile_config.loss[" + i + "]", context));
      }
    } else {
      b.loss(read(loss, Loss.class, "compile_config.loss", context));
    }
    JsonNode weights = config.get("loss_weights");
    if (weights != null && weights.isObject()) {
      weights.fields().forEachRemaining(w -> b.lossWeight(w.getKey(), w.getValue().asDouble()));
    } else if (weights != null && weights.isArray()) {
      for (int i = 0; i < weights.size(); i++)
        b.lossWeight(outputs.get(i), weights.get(i).asDouble());
    }
    b.metricsJson(config.get("metrics"), config.get("weighted_metrics"));
    return b.build();
  }

  private static <T> T read(JsonNode node, Class<T> type, String path, ReadContext context) {
    if (node == null || node.isNull()) {
      throw new ConfigException(context.source() + ": " + path, "missing");
    }
    try {
      return KerasJson.mapper()
          .readerFor(type)
          .withAttribute(ReadContext.class, context)
          .readValue(node);
    } catch (UnknownObjectException e) {
      throw new UnknownObjectException(context.source() + ": " + path, e.key(), e.getMessage());
    } catch (java.io.IOException | RuntimeException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new ConfigException(context.source() + ": " + path, msg, e);
    }
  }

  /**
   * The {@code compile_config} of a compiled model: the one it was read with, else one made from
   * its settings (optimizer and losses in Keras' envelopes, metrics by name).
   */
  public static ObjectNode toJson(Compile compile, KerasRegistry registry) {
    if (compile.json() != null) return (ObjectNode) compile.json().deepCopy();
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode c = f.objectNode();
    c.set("optimizer", tree(compile.optimizer(), registry));
    if (compile.loss() != null) {
      c.set("loss", tree(compile.loss(), registry));
    } else {
      ObjectNode losses = c.putObject("loss");
      compile.outputLosses().forEach((k, v) -> losses.set(k, tree(v, registry)));
    }
    if (compile.lossWeights().isEmpty()) {
      c.putNull("loss_weights");
    } else {
      ObjectNode w = c.putObject("loss_weights");
      compile.lossWeights().forEach(w::put);
    }
    var metrics = c.putArray("metrics");
    for (Compile.MetricSpec m : compile.metrics()) {
      if (!m.weighted()) metrics.add(tree(m.metric(), registry));
    }
    var weighted = f.arrayNode();
    for (Compile.MetricSpec m : compile.metrics()) {
      if (m.weighted()) weighted.add(tree(m.metric(), registry));
    }
    if (weighted.isEmpty()) c.putNull("weighted_metrics");
    else c.set("weighted_metrics", weighted);
    c.put("run_eagerly", false);
    c.put("steps_per_execution", 1);
    c.put("jit_compile", false);
    return c;
  }

  private static JsonNode tree(Object value, KerasRegistry registry) {
    try {
      String json =
          KerasJson.mapper()
              .writer()
              .withAttribute(KerasRegistry.class, registry)
              .writeValueAsString(value);
      return KerasJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write " + value + ": " + e.getOriginalMessage(), e);
    }
  }
}
