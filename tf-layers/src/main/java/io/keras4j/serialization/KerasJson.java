package io.keras4j.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import io.keras4j.activations.Activation;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.internal.Naming;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Layer;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.serialization.ObjectType.Category;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Jackson setup for Keras JSON: Keras' object envelope ({@code module}, {@code class_name},
 * {@code config}, {@code registered_name}) for initializers, regularizers, constraints and custom
 * activations; names for built-in activations; {@code DTypePolicy}; nested layers.
 *
 * <p>Reading resolves names through the {@link ReadContext} attribute of the reader; writing
 * through the {@link KerasRegistry} attribute of the writer.
 */
public final class KerasJson {

  private static final ObjectMapper MAPPER = createMapper();

  private static final Map<Class<?>, Category> ENVELOPED =
      Map.of(
          Initializer.class, Category.INITIALIZER,
          Regularizer.class, Category.REGULARIZER,
          Constraint.class, Category.CONSTRAINT,
          Activation.class, Category.ACTIVATION,
          Loss.class, Category.LOSS,
          Metric.class, Category.METRIC,
          Optimizer.class, Category.OPTIMIZER);

  private KerasJson() {}

  /** The shared, immutable mapper. Use readers and writers with attributes to read and write. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Keras' snake case of a Java component name: {@code useBias} to {@code use_bias}. */
  static String snake(String javaName) {
    return Naming.toSnakeCase(javaName);
  }

  private static ObjectMapper createMapper() {
    SimpleModule module = new SimpleModule("keras4j");
    module.addSerializer(DTypePolicy.class, new DTypePolicySerializer());
    module.addDeserializer(DTypePolicy.class, new DTypePolicyDeserializer());
    module.addDeserializer(Initializer.class, new ObjectDeserializer<>(Category.INITIALIZER));
    module.addDeserializer(Regularizer.class, new ObjectDeserializer<>(Category.REGULARIZER));
    module.addDeserializer(Constraint.class, new ObjectDeserializer<>(Category.CONSTRAINT));
    module.addDeserializer(Activation.class, new ActivationDeserializer());
    module.addDeserializer(Loss.class, new ObjectDeserializer<>(Category.LOSS));
    module.addDeserializer(Metric.class, new ObjectDeserializer<>(Category.METRIC));
    module.addDeserializer(Optimizer.class, new ObjectDeserializer<>(Category.OPTIMIZER));
    module.addSerializer(Layer.class, new LayerJsonSerializer());
    module.addDeserializer(Layer.class, new LayerJsonDeserializer());
    module.setSerializerModifier(new EnvelopeModifier());
    return JsonMapper.builder()
        .addModule(module)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();
  }

  static ReadContext readContext(DeserializationContext ctxt) {
    Object c = ctxt.getAttribute(ReadContext.class);
    return c instanceof ReadContext rc ? rc : ReadContext.of(KerasRegistry.builtins());
  }

  static KerasRegistry writeRegistry(SerializerProvider provider) {
    Object r = provider.getAttribute(KerasRegistry.class);
    return r instanceof KerasRegistry kr ? kr : KerasRegistry.builtins();
  }

  /** Keras' envelope of a serialized object. */
  static ObjectNode envelope(
      String module, String className, JsonNode config, String registeredName) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("module", module);
    n.put("class_name", className);
    n.set("config", config);
    n.put("registered_name", registeredName);
    return n;
  }

  // ------------------------------------------------------------------ dtype policies

  private static final class DTypePolicySerializer extends JsonSerializer<DTypePolicy> {
    @Override
    public void serialize(DTypePolicy value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("module", "keras");
      gen.writeStringField("class_name", "DTypePolicy");
      gen.writeObjectFieldStart("config");
      gen.writeStringField("name", value.name());
      gen.writeEndObject();
      gen.writeNullField("registered_name");
      gen.writeEndObject();
    }
  }

  private static final class DTypePolicyDeserializer extends JsonDeserializer<DTypePolicy> {
    @Override
    public DTypePolicy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = p.readValueAsTree();
      if (n.isTextual()) return DTypePolicy.of(n.asText());
      JsonNode name = n.path("config").path("name");
      if (!name.isTextual()) {
        throw JsonMappingException.from(p, "Expected a DTypePolicy with config.name, found " + n);
      }
      return DTypePolicy.of(name.asText());
    }
  }

  // ------------------------------------------------------------------ objects in envelopes

  /** Wraps the default serializer of initializer, regularizer and constraint records. */
  private static final class EnvelopeModifier extends BeanSerializerModifier {
    @Override
    public JsonSerializer<?> modifySerializer(
        SerializationConfig config, BeanDescription desc, JsonSerializer<?> serializer) {
      Class<?> c = desc.getBeanClass();
      for (Class<?> iface : ENVELOPED.keySet()) {
        if (iface.isAssignableFrom(c) && !c.isInterface()) {
          @SuppressWarnings("unchecked")
          JsonSerializer<Object> delegate = (JsonSerializer<Object>) serializer;
          return new EnvelopeSerializer(delegate);
        }
      }
      return serializer;
    }

    @Override
    public JsonSerializer<?> modifyEnumSerializer(
        SerializationConfig config,
        com.fasterxml.jackson.databind.JavaType valueType,
        BeanDescription desc,
        JsonSerializer<?> serializer) {
      if (Activation.class.isAssignableFrom(desc.getBeanClass())) {
        return new EnvelopeSerializer(null);
      }
      return serializer;
    }
  }

  private static final class EnvelopeSerializer extends JsonSerializer<Object>
      implements ResolvableSerializer, ContextualSerializer {
    private final JsonSerializer<Object> delegate;

    EnvelopeSerializer(JsonSerializer<Object> delegate) {
      this.delegate = delegate;
    }

    /** The wrapped bean serializer only writes its properties (nulls included) once resolved. */
    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
      if (delegate instanceof ResolvableSerializer r) {
        r.resolve(provider);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      if (delegate == null) return this;
      JsonSerializer<?> d = provider.handleSecondaryContextualization(delegate, property);
      return d == delegate ? this : new EnvelopeSerializer((JsonSerializer<Object>) d);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value instanceof Activation a) {
        Optional<String> name = Activations.nameOf(a);
        if (name.isPresent()) {
          gen.writeString(name.get());
          return;
        }
      }
      ObjectType type =
          writeRegistry(provider)
              .objectOf(value.getClass())
              .orElseThrow(
                  () ->
                      JsonMappingException.from(
                          gen,
                          value.getClass().getName()
                              + " is not registered: register it in the KerasRegistry to save it"));
      gen.writeStartObject();
      gen.writeStringField("module", type.module());
      gen.writeStringField("class_name", type.className());
      gen.writeFieldName("config");
      if (delegate == null) {
        gen.writeStartObject();
        gen.writeEndObject();
      } else {
        delegate.serialize(value, gen, provider);
      }
      gen.writeStringField("registered_name", type.registeredName());
      gen.writeEndObject();
    }
  }

  private static class ObjectDeserializer<T> extends JsonDeserializer<T> {
    private final Category category;

    ObjectDeserializer(Category category) {
      this.category = category;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = p.readValueAsTree();
      ReadContext rc = readContext(ctxt);
      String key;
      JsonNode config;
      if (n.isTextual()) {
        key = n.asText();
        config = JsonNodeFactory.instance.objectNode();
      } else if (n.isObject()) {
        JsonNode registered = n.get("registered_name");
        key =
            registered != null && registered.isTextual() && !registered.asText().equals("function")
                ? registered.asText()
                : n.path("class_name").asText();
        config = n.has("config") ? n.get("config") : JsonNodeFactory.instance.objectNode();
        if (config.isTextual() || config.isNull()) {
          return (T) byName(p, rc, config.isTextual() ? config.asText() : key, n);
        }
      } else {
        throw JsonMappingException.from(p, "Expected a Keras " + label() + ", found " + n);
      }
      ObjectType type = lookup(rc, key, n);
      if (type == null) {
        throw unknown(rc, key);
      }
      return (T) ctxt.readTreeAsValue(config, type.javaClass());
    }

    Object byName(JsonParser p, ReadContext rc, String name, JsonNode n) throws IOException {
      ObjectType type = lookup(rc, name, n);
      if (type == null) {
        throw unknown(rc, name);
      }
      try {
        return type.javaClass().getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw JsonMappingException.from(
            p, "Cannot create " + label() + " '" + name + "' without a config", e);
      }
    }

    ObjectType lookup(ReadContext rc, String key, JsonNode n) {
      KerasRegistry r = rc.registry();
      Optional<ObjectType> t = r.object(category, key);
      if (t.isEmpty() && n.isObject() && n.path("class_name").isTextual()) {
        t = r.object(category, n.get("class_name").asText());
      }
      return t.orElse(null);
    }

    String label() {
      return category.name().toLowerCase(java.util.Locale.ROOT);
    }

    UnknownObjectException unknown(ReadContext rc, String key) {
      return new UnknownObjectException(
          "",
          key,
          "Unknown "
              + label()
              + " '"
              + key
              + "'; known: "
              + rc.registry().objectKeys(category)
              + ". Register a Java class for it in the KerasRegistry.");
    }
  }

  private static final class ActivationDeserializer extends ObjectDeserializer<Activation> {
    ActivationDeserializer() {
      super(Category.ACTIVATION);
    }

    @Override
    Object byName(JsonParser p, ReadContext rc, String name, JsonNode n) throws IOException {
      Optional<Activation> builtin =
          Activations.find(name).map(a -> Activations.get(name, rc.isKeras2()));
      if (builtin.isPresent()) return builtin.get();
      return super.byName(p, rc, name, n);
    }

    @Override
    public Activation deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = p.readValueAsTree();
      ReadContext rc = readContext(ctxt);
      if (n.isTextual()) {
        return (Activation) byName(p, rc, n.asText(), n);
      }
      if (n.isObject() && n.path("config").isTextual()) {
        return (Activation) byName(p, rc, n.get("config").asText(), n);
      }
      try (JsonParser again = n.traverse(p.getCodec())) {
        again.nextToken();
        return super.deserialize(again, ctxt);
      }
    }
  }

  // ------------------------------------------------------------------ nested layers

  private static final class LayerJsonSerializer extends JsonSerializer<Layer> {
    @Override
    public void serialize(Layer value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeTree(ConfigSerializer.of(writeRegistry(provider)).serialize(value));
    }
  }

  private static final class LayerJsonDeserializer extends JsonDeserializer<Layer> {
    @Override
    public Layer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = p.readValueAsTree();
      ReadContext rc = readContext(ctxt);
      return ConfigSerializer.of(rc)
          .deserialize(n, p.getParsingContext().pathAsPointer().toString());
    }
  }
}
