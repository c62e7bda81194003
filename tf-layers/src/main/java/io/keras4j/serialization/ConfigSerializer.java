package io.keras4j.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.keras4j.layers.CallArgs;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Node;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.InputLayer;
import io.keras4j.layers.core.InputLayerConfig;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' {@code serialize_keras_object} and {@code deserialize_keras_object} for layers and models:
 * a layer becomes Keras' JSON envelope ({@code module}, {@code class_name}, {@code config}, {@code
 * registered_name}, {@code build_config}) and back. Functional and Sequential models, in the
 * dialects of Keras 3 and Keras 2, are read and written with their layer graphs.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
 * ObjectNode json = serializer.serialize(model);
 * Model copy = serializer.deserializeModel(json);
 * }</pre>
 */
public final class ConfigSerializer {

  /** Keys of every layer's config that {@link LayerArgs} holds. */
  private static final Set<String> BASE_KEYS =
      Set.of("name", "trainable", "dtype", "activity_regularizer");

  /** Keras 2 keys on a model's first layer that declare the model's input. */
  private static final Set<String> INPUT_KEYS =
      Set.of("batch_input_shape", "input_shape", "batch_size", "input_dim", "input_length_hint");

  private static final ObjectMapper MAPPER = KerasJson.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ReadContext context;

  private ConfigSerializer(ReadContext context) {
    this.context = context;
  }

  public static ConfigSerializer of(KerasRegistry registry) {
    return new ConfigSerializer(ReadContext.of(registry));
  }

  public static ConfigSerializer of(ReadContext context) {
    return new ConfigSerializer(context);
  }

  public ReadContext context() {
    return context;
  }

  // =================================================================== reading

  /** Reads a model from its envelope ({@code Functional}, {@code Model} or {@code Sequential}). */
  public Model deserializeModel(JsonNode envelope) {
    Layer layer = deserialize(envelope, "");
    if (layer instanceof Model m) return m;
    throw new ConfigException(
        at(""),
        "Expected a model config (Functional or Sequential), found a "
            + envelope.path("class_name").asText()
            + " layer");
  }

  /** Reads a layer or model from its envelope. */
  public Layer deserialize(JsonNode envelope) {
    return deserialize(envelope, "");
  }

  Layer deserialize(JsonNode envelope, String path) {
    if (!envelope.isObject() || !envelope.path("class_name").isTextual()) {
      throw new ConfigException(
          at(path), "Expected a Keras object with a class_name, found " + abbreviate(envelope));
    }
    String className = envelope.get("class_name").asText();
    JsonNode config = envelope.path("config");
    String name = config.path("name").asText(null);
    String where = path + (name != null && !path.isEmpty() ? " (" + name + ")" : "");
    switch (className) {
      case "Functional", "Model", "Sequential" -> {
        Model model =
            className.equals("Sequential")
                ? sequentialFromConfig(config, where)
                : functionalFromConfig(config, where);
        JsonNode compile = envelope.get("compile_config");
        if (compile != null && compile.isObject() && compile.size() > 0) {
          model.setCompileConfig(compile);
        }
        return model;
      }
      default -> {}
    }
    if (!config.isObject()) {
      throw new ConfigException(
          at(child(where, "config")), "Expected an object, found " + abbreviate(config));
    }
    LayerType<?> type = resolve(envelope, className, name, where);
    Layer layer;
    if (type.layerClass() == InputLayer.class) {
      InputLayerConfig c = read(config, InputLayerConfig.class, child(where, "config"));
      layer = new InputLayer(c);
    } else {
      ObjectNode fields = config.deepCopy();
      LayerArgs args = baseArgs(fields, where);
      fields.remove(BASE_KEYS);
      // Keras 2's input keys declare the model's input, unless the layer has a key of that name
      // (Embedding's input_dim is its vocabulary size).
      Set<String> known = type.knownKeys();
      for (String k : INPUT_KEYS) {
        if (!known.contains(k)) fields.remove(k);
      }
      Object record = read(fields, type.configClass(), child(where, "config"));
      try {
        layer = type.create(record, args);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        throw new ConfigException(at(where), e.getMessage(), e);
      }
      Map<String, JsonNode> unknown = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!known.contains(e.getKey())) unknown.put(e.getKey(), e.getValue());
      }
      layer.keepUnknownConfig(unknown);
    }
    return layer;
  }

  private LayerType<?> resolve(
      JsonNode envelope, String className, @Nullable String name, String where) {
    KerasRegistry registry = context.registry();
    JsonNode registered = envelope.get("registered_name");
    String registeredName =
        registered != null && registered.isTextual() ? registered.asText() : null;
    if ("Lambda".equals(className)) {
      if (name != null && registry.layer(name).isPresent()) return registry.layer(name).get();
      return registry
          .layer("Lambda")
          .orElseThrow(
              () ->
                  new UnsupportedFeatureException(
                      at(where),
                      "Layer '"
                          + name
                          + "' is a Lambda layer, whose config holds Python code; Keras4J never"
                          + " runs code from a model file. Supply a Java layer for it under its"
                          + " name: KerasRegistry.builtins().toBuilder().alias(\""
                          + name
                          + "\", LayerType.reflect(YourLayer.class, null)), or on the command"
                          + " line --custom "
                          + name
                          + "=com.example.YourLayer"));
    }
    if (registeredName != null && registry.layer(registeredName).isPresent()) {
      return registry.layer(registeredName).get();
    }
    return registry
        .layer(className)
        .orElseThrow(
            () -> {
              String key = registeredName != null ? registeredName : className;
              return new UnknownObjectException(
                  at(where),
                  key,
                  "Unknown layer '"
                      + key
                      + "'"
                      + (name != null ? " (layer '" + name + "')" : "")
                      + ". Register a Java class for it: KerasRegistry.builtins().toBuilder()"
                      + ".layer(LayerType.custom(...)), or on the command line --custom "
                      + key
                      + "=com.example.YourLayer. Known layers: "
                      + registry.layerKeys());
            });
  }

  private LayerArgs baseArgs(JsonNode config, String where) {
    LayerArgs args = LayerArgs.defaults();
    JsonNode name = config.get("name");
    if (name != null && name.isTextual()) args = args.withName(name.asText());
    JsonNode trainable = config.get("trainable");
    if (trainable != null && trainable.isBoolean())
      args = args.withTrainable(trainable.asBoolean());
    JsonNode dtype = config.get("dtype");
    if (dtype != null && !dtype.isNull()) {
      args = args.withDtype(read(dtype, DTypePolicy.class, child(where, "config.dtype")));
    }
    JsonNode activity = config.get("activity_regularizer");
    if (activity != null && !activity.isNull()) {
      args =
          args.withActivityRegularizer(
              read(activity, Regularizer.class, child(where, "config.activity_regularizer")));
    }
    return args;
  }

  private <T> T read(JsonNode node, Class<T> type, String path) {
    try {
      return MAPPER.readerFor(type).withAttribute(ReadContext.class, context).readValue(node);
    } catch (ConfigException e) {
      throw e;
    } catch (java.io.IOException | IllegalArgumentException e) {
      String where = path;
      if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
          where += r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]";
        }
      }
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        if (c instanceof UnknownObjectException u) {
          throw new UnknownObjectException(at(where), u.key(), u.getMessage());
        }
        if (c instanceof ConfigException ce) {
          throw new ConfigException(at(where), ce.getMessage(), ce);
        }
      }
      String msg =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage()
              : e.getMessage();
      throw new ConfigException(at(where), msg, e);
    }
  }

  /** The source and JSON path of a value, as error messages name it. */
  private String at(String path) {
    return path.isEmpty() ? context.source() : context.source() + ": " + path;
  }

  private static String child(String where, String key) {
    return where.isEmpty() ? key : where + "." + key;
  }

  // ------------------------------------------------------------------- functional

  private Functional functionalFromConfig(JsonNode config, String where) {
    JsonNode layersJson = config.path("layers");
    if (!layersJson.isArray()) {
      throw new ConfigException(at(child(where, "config.layers")), "Expected a list of layers");
    }
    Map<String, Layer> byName = new LinkedHashMap<>();
    Map<Layer, JsonNode> pendingNodes = new LinkedHashMap<>();
    for (int i = 0; i < layersJson.size(); i++) {
      JsonNode entry = layersJson.get(i);
      String p = child(where, "config.layers[" + i + "]");
      Layer layer = deserialize(entry, p);
      String fileName = entry.path("name").asText(entry.path("config").path("name").asText());
      byName.put(fileName, layer);
      pendingNodes.put(layer, entry.path("inbound_nodes"));
    }
    // Keras' node indices count the nodes each layer has in this model, in order.
    Map<String, List<Node>> created = new HashMap<>();
    for (Map.Entry<String, Layer> e : byName.entrySet()) {
      List<Node> nodes = new ArrayList<>();
      if (e.getValue() instanceof InputLayer in) nodes.add(in.output().node());
      created.put(e.getKey(), nodes);
    }
    Map<Layer, Integer> done = new HashMap<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, Layer> e : byName.entrySet()) {
        Layer layer = e.getValue();
        JsonNode nodes = pendingNodes.get(layer);
        int next = done.getOrDefault(layer, 0);
        while (nodes.isArray() && next < nodes.size()) {
          String p =
              child(where, "config") + " layer '" + e.getKey() + "'.inbound_nodes[" + next + "]";
          CallArgs args = nodeArgs(nodes.get(next), created, p);
          if (args == null) break; // an input is not computed yet
          List<KerasTensor> out;
          try {
            out = layer.applyAll(args);
          } catch (IllegalArgumentException
              | UnsupportedOperationException
              | IllegalStateException ex) {
            throw new ConfigException(at(p), ex.getMessage(), ex);
          }
          created.get(e.getKey()).add(out.get(0).node());
          next++;
          done.put(layer, next);
          progress = true;
        }
      }
    }
    for (Map.Entry<String, Layer> e : byName.entrySet()) {
      JsonNode nodes = pendingNodes.get(e.getValue());
      if (nodes.isArray() && done.getOrDefault(e.getValue(), 0) < nodes.size()) {
        throw new ConfigException(
            at(child(where, "config") + " layer '" + e.getKey() + "'.inbound_nodes"),
            "Cannot connect the layer: an input tensor comes from a layer that is not in the model"
                + " or from a cycle");
      }
    }
    JsonNode inputsJson = config.path("input_layers");
    JsonNode outputsJson = config.path("output_layers");
    List<KerasTensor> inputs =
        historyList(inputsJson, created, child(where, "config.input_layers"));
    List<KerasTensor> outputs =
        historyList(outputsJson, created, child(where, "config.output_layers"));
    LayerArgs args = baseArgs(config, where);
    try {
      return new Functional(
          args, inputs, outputs, isSingleHistory(inputsJson), isSingleHistory(outputsJson));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(at(where), e.getMessage(), e);
    }
  }

  /** Keras 3 writes one history as {@code [name, node, index]}, several as a list of them. */
  private static boolean isSingleHistory(JsonNode n) {
    return n.isArray() && n.size() > 0 && n.get(0).isTextual();
  }

  private List<KerasTensor> historyList(JsonNode n, Map<String, List<Node>> created, String path) {
    List<KerasTensor> out = new ArrayList<>();
    if (isSingleHistory(n)) {
      out.add(tensorFrom(n, created, path));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++)
        out.add(tensorFrom(n.get(i), created, path + "[" + i + "]"));
    } else if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(tensorFrom(e.getValue(), created, path + "." + e.getKey()));
      }
    } else {
      throw new ConfigException(at(path), "Expected [layer_name, node_index, tensor_index]");
    }
    return out;
  }

  private KerasTensor tensorFrom(JsonNode h, Map<String, List<Node>> created, String path) {
    KerasTensor t = lookupTensor(h, created, path);
    if (t == null) {
      throw new ConfigException(at(path), "No tensor " + h + " in the model");
    }
    return t;
  }

  private @Nullable KerasTensor lookupTensor(
      JsonNode h, Map<String, List<Node>> created, String path) {
    if (!h.isArray() || h.size() < 3 || !h.get(0).isTextual()) {
      throw new ConfigException(
          at(path), "Expected [layer_name, node_index, tensor_index], found " + h);
    }
    List<Node> nodes = created.get(h.get(0).asText());
    if (nodes == null) {
      throw new ConfigException(
          at(path), "Layer '" + h.get(0).asText() + "' is not in the model's layers");
    }
    int node = h.get(1).asInt();
    int index = h.get(2).asInt();
    if (node >= nodes.size()) return null;
    List<KerasTensor> outs = nodes.get(node).outputs();
    if (index >= outs.size()) {
      throw new ConfigException(
          at(path),
          "Layer '" + h.get(0).asText() + "' has no output " + index + " at node " + node);
    }
    return outs.get(index);
  }

  /** The arguments of one inbound node, or {@code null} if one of its inputs is not created yet. */
  private @Nullable CallArgs nodeArgs(JsonNode node, Map<String, List<Node>> created, String path) {
    if (node.isObject()) {
      List<@Nullable Object> args = new ArrayList<>();
      JsonNode a = node.path("args");
      for (int i = 0; i < a.size(); i++) {
        Object v = argValue(a.get(i), created, path + ".args[" + i + "]");
        if (v == MISSING) return null;
        args.add(v);
      }
      Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.path("kwargs").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        Object v = argValue(e.getValue(), created, path + ".kwargs." + e.getKey());
        if (v == MISSING) return null;
        kwargs.put(e.getKey(), v);
      }
      return new CallArgs(args, kwargs);
    }
    if (node.isArray()) {
      // Keras 2: [[layer_name, node_index, tensor_index, kwargs], ...]
      List<@Nullable Object> tensors = new ArrayList<>();
      Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode h = node.get(i);
        KerasTensor t = lookupTensor(h, created, path + "[" + i + "]");
        if (t == null) return null;
        tensors.add(t);
        if (h.size() > 3 && h.get(3).isObject()) {
          Iterator<Map.Entry<String, JsonNode>> it = h.get(3).fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Object v = argValue(e.getValue(), created, path + "[" + i + "]." + e.getKey());
            if (v == MISSING) return null;
            kwargs.put(e.getKey(), v);
          }
        }
      }
      List<@Nullable Object> args = new ArrayList<>();
      args.add(tensors.size() == 1 ? tensors.get(0) : tensors);
      return new CallArgs(args, kwargs);
    }
    throw new ConfigException(at(path), "Expected an inbound node, found " + abbreviate(node));
  }

  private static final Object MISSING = new Object();

  private @Nullable Object argValue(JsonNode v, Map<String, List<Node>> created, String path) {
    if (v.isObject() && "__keras_tensor__".equals(v.path("class_name").asText())) {
      KerasTensor t = lookupTensor(v.path("config").path("keras_history"), created, path);
      return t == null ? MISSING : t;
    }
    if (v.isArray()) {
      List<@Nullable Object> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        Object x = argValue(v.get(i), created, path + "[" + i + "]");
        if (x == MISSING) return MISSING;
        out.add(x);
      }
      return out;
    }
    if (v.isNull()) return null;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isIntegralNumber()) return v.asLong();
    if (v.isNumber()) return v.asDouble();
    if (v.isTextual()) return v.asText();
    return v;
  }

  // ------------------------------------------------------------------- sequential

  private Sequential sequentialFromConfig(JsonNode config, String where) {
    JsonNode layersJson = config.isArray() ? config : config.path("layers");
    if (!layersJson.isArray()) {
      throw new ConfigException(at(child(where, "config.layers")), "Expected a list of layers");
    }
    LayerArgs args = config.isObject() ? baseArgs(config, where) : LayerArgs.defaults();
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < layersJson.size(); i++) {
      JsonNode entry = layersJson.get(i);
      String p = child(where, "config.layers[" + i + "]");
      if (i == 0 && !"InputLayer".equals(entry.path("class_name").asText())) {
        InputLayer in = keras2Input(entry, p);
        if (in != null) layers.add(in);
      }
      layers.add(deserialize(entry, p));
    }
    TensorSpec input = null;
    JsonNode build = config.path("build_input_shape");
    if (build.isArray()) {
      input = new TensorSpec(Shapes.of(longs(build)), args.dtype().computeDtype());
    }
    try {
      return new Sequential(args, layers, input);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(at(where), e.getMessage(), e);
    }
  }

  /** The input layer a Keras 2 Sequential declares through its first layer's input keys. */
  private boolean knowsKey(JsonNode layerEntry, String key) {
    String cls = layerEntry.path("class_name").asText();
    return context.registry().layer(cls).map(t -> t.knownKeys().contains(key)).orElse(false);
  }

  private @Nullable InputLayer keras2Input(JsonNode layerEntry, String path) {
    JsonNode layerConfig = layerEntry.path("config");
    List<@Nullable Long> batchShape = null;
    if (layerConfig.path("batch_input_shape").isArray()) {
      batchShape = longs(layerConfig.get("batch_input_shape"));
    } else if (layerConfig.path("input_shape").isArray()) {
      batchShape = new ArrayList<>();
      JsonNode b = layerConfig.path("batch_size");
      batchShape.add(b.isNumber() ? b.asLong() : null);
      batchShape.addAll(longs(layerConfig.get("input_shape")));
    } else if (layerConfig.path("input_dim").isNumber() && !knowsKey(layerEntry, "input_dim")) {
      batchShape = new ArrayList<>();
      batchShape.add(null);
      batchShape.add(layerConfig.get("input_dim").asLong());
    }
    if (batchShape == null) return null;
    String dtype = "float32";
    JsonNode d = layerConfig.path("dtype");
    if (d.isTextual()) dtype = d.asText();
    else if (d.isObject()) dtype = read(d, DTypePolicy.class, path + ".config.dtype").name();
    if (dtype.startsWith("mixed_")) dtype = "float32";
    String name = layerConfig.path("name").asText("layer") + "_input";
    return new InputLayer(InputLayerConfig.builder(batchShape).dtype(dtype).name(name).build());
  }

  private static List<@Nullable Long> longs(JsonNode array) {
    List<@Nullable Long> out = new ArrayList<>();
    for (JsonNode n : array) out.add(n.isNull() ? null : n.asLong());
    return out;
  }

  // =================================================================== writing

  /** Writes a model as Keras writes {@code config.json}: the same as {@link #serialize}. */
  public ObjectNode serializeModel(Model model) {
    return serialize(model);
  }

  /** Writes a layer or model as Keras' envelope. */
  public ObjectNode serialize(Layer layer) {
    if (layer instanceof Functional f) return functionalEnvelope(f);
    if (layer instanceof Sequential s) return sequentialEnvelope(s);
    LayerType<?> type =
        context
            .registry()
            .layerOf(layer.getClass())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        layer.getClass().getName()
                            + " is not registered: register it in the KerasRegistry to save it"));
    ObjectNode config = NODES.objectNode();
    if (layer instanceof InputLayer) {
      // InputLayer's config is its own record: batch_shape, dtype, name, ...
    } else if (type.baseKeys() == LayerType.BaseKeys.NAME_AND_DTYPE_NAME) {
      config.put("name", layer.name());
      config.put("dtype", layer.dtypePolicy().name());
    } else {
      config.put("name", layer.name());
      config.put("trainable", layer.trainable());
      config.set("dtype", tree(layer.dtypePolicy()));
      if (layer.args().activityRegularizer() != null) {
        config.set("activity_regularizer", tree(layer.args().activityRegularizer()));
      }
    }
    JsonNode fields = tree(layer.getConfig());
    if (fields.isObject()) config.setAll((ObjectNode) fields);
    layer.unknownConfig().forEach(config::set);
    ObjectNode env =
        KerasJson.envelope(type.module(), type.className(), config, type.registeredName());
    // Keras writes a build_config only for layers built from input shapes (not at init).
    if (!layer.buildInputShapes().isEmpty() && !(layer instanceof InputLayer)) {
      env.set("build_config", buildConfig(layer));
    }
    return env;
  }

  private ObjectNode buildConfig(Layer layer) {
    ObjectNode b = NODES.objectNode();
    Map<String, Shape> named = layer.buildShapesDict();
    if (!named.isEmpty()) {
      ObjectNode dict = b.putObject("shapes_dict");
      named.forEach((k, v) -> dict.set(k, shapeNode(v)));
      return b;
    }
    List<Shape> shapes = layer.buildInputShapes();
    if (shapes.size() == 1 && !layer.builtFromList()) {
      b.set("input_shape", shapeNode(shapes.get(0)));
    } else {
      ArrayNode list = b.putArray("input_shape");
      shapes.forEach(s -> list.add(shapeNode(s)));
    }
    return b;
  }

  private static ArrayNode shapeNode(Shape shape) {
    ArrayNode a = NODES.arrayNode();
    for (Long d : Shapes.dims(shape)) {
      if (d == null) a.addNull();
      else a.add(d);
    }
    return a;
  }

  private JsonNode tree(@Nullable Object value) {
    if (value == null) return NODES.nullNode();
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      MAPPER
          .writer()
          .withAttribute(KerasRegistry.class, context.registry())
          .writeValue(buffer, value);
      try (com.fasterxml.jackson.core.JsonParser p = buffer.asParser()) {
        return MAPPER.readTree(p);
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "Cannot write " + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode baseConfig(Model model) {
    ObjectNode config = NODES.objectNode();
    config.put("name", model.name());
    config.put("trainable", model.trainable());
    config.set("dtype", tree(model.dtypePolicy()));
    return config;
  }

  private ObjectNode functionalEnvelope(Functional model) {
    ObjectNode config = NODES.objectNode();
    config.put("name", model.name());
    config.put("trainable", model.trainable());
    ArrayNode layers = config.putArray("layers");
    Set<Node> inModel = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    inModel.addAll(model.nodes());
    Map<Node, Integer> index = new java.util.IdentityHashMap<>();
    for (Layer l : model.layers()) {
      int i = 0;
      for (Node n : l.inboundNodes()) {
        if (inModel.contains(n)) index.put(n, i++);
      }
    }
    for (Layer l : model.layers()) {
      ObjectNode env = serialize(l);
      env.put("name", l.name());
      ArrayNode inbound = env.putArray("inbound_nodes");
      for (Node n : l.inboundNodes()) {
        if (inModel.contains(n) && !n.isInput()) inbound.add(nodeJson(n, index));
      }
      layers.add(env);
    }
    config.set("input_layers", histories(model.inputs(), model.singleInput(), index));
    config.set("output_layers", histories(model.outputs(), model.singleOutput(), index));
    model.unknownConfig().forEach(config::set);
    ObjectNode env =
        KerasJson.envelope("keras.src.models.functional", "Functional", config, "Functional");
    // Keras' Functional.build_config: a functional model is built from its graph, not a shape.
    env.putObject("build_config").putNull("input_shape");
    env.set("compile_config", compileConfig(model));
    return env;
  }

  private JsonNode histories(List<KerasTensor> tensors, boolean single, Map<Node, Integer> index) {
    if (single) return history(tensors.get(0), index);
    ArrayNode a = NODES.arrayNode();
    tensors.forEach(t -> a.add(history(t, index)));
    return a;
  }

  private static ArrayNode history(KerasTensor t, Map<Node, Integer> index) {
    ArrayNode h = NODES.arrayNode();
    h.add(t.layer().name());
    h.add(index.getOrDefault(t.node(), 0));
    h.add(t.index());
    return h;
  }

  private ObjectNode nodeJson(Node n, Map<Node, Integer> index) {
    ObjectNode node = NODES.objectNode();
    ArrayNode args = node.putArray("args");
    for (Object a : n.args().args()) args.add(argJson(a, index));
    ObjectNode kwargs = node.putObject("kwargs");
    n.args().kwargs().forEach((k, v) -> kwargs.set(k, argJson(v, index)));
    return node;
  }

  private JsonNode argJson(@Nullable Object v, Map<Node, Integer> index) {
    if (v instanceof KerasTensor t) {
      ObjectNode kt = NODES.objectNode();
      kt.put("class_name", "__keras_tensor__");
      ObjectNode c = kt.putObject("config");
      c.set("shape", shapeNode(t.shape()));
      c.put("dtype", DTypePolicy.kerasName(t.dtype()));
      c.set("keras_history", history(t, index));
      return kt;
    }
    if (v instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      for (Object x : l) a.add(argJson(x, index));
      return a;
    }
    return tree(v);
  }

  private ObjectNode sequentialEnvelope(Sequential model) {
    ObjectNode config = baseConfig(model);
    ArrayNode layers = config.putArray("layers");
    if (model.inputLayer() != null) layers.add(serialize(model.inputLayer()));
    for (Layer l : model.layers()) layers.add(serialize(l));
    if (model.hasInput()) {
      config.set("build_input_shape", shapeNode(model.inputSpecs().get(0).shape()));
    }
    model.unknownConfig().forEach(config::set);
    ObjectNode env = KerasJson.envelope("keras", "Sequential", config, null);
    if (model.hasInput()) {
      env.putObject("build_config")
          .set("input_shape", shapeNode(model.inputSpecs().get(0).shape()));
    }
    env.set("compile_config", compileConfig(model));
    return env;
  }

  /**
   * Keras' {@code compile_config}: a compiled model's settings, else the config the model was read
   * with, else empty (never compiled).
   */
  private JsonNode compileConfig(Model model) {
    if (model.compileOptions().isPresent()) {
      return CompileConfigs.toJson(model.compileOptions().get(), context.registry());
    }
    return model.compileConfig().<JsonNode>map(JsonNode::deepCopy).orElseGet(NODES::objectNode);
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
