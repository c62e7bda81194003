package io.keras4j.optimizers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;
import io.keras4j.serialization.ReadContext;
import io.keras4j.serialization.UnknownObjectException;
import io.keras4j.serialization.UnsupportedFeatureException;
import java.io.IOException;
import java.util.Optional;

/**
 * Keras JSON of a {@link LearningRate}: a number, or a schedule in Keras' object envelope ({@code
 * module}, {@code class_name}, {@code config}, {@code registered_name}) resolved through the
 * registry's {@link Category#SCHEDULE} entries.
 */
final class LearningRateJson {

  private LearningRateJson() {}

  static final class Writer extends JsonSerializer<LearningRate> {
    @Override
    public void serialize(LearningRate value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value instanceof LearningRate.Constant c) {
        gen.writeNumber(c.value());
        return;
      }
      LearningRateSchedule schedule = ((LearningRate.Scheduled) value).schedule();
      Object r = provider.getAttribute(KerasRegistry.class);
      KerasRegistry registry = r instanceof KerasRegistry kr ? kr : KerasRegistry.builtins();
      ObjectType type =
          registry
              .objectOf(schedule.getClass())
              .orElseThrow(
                  () ->
                      JsonMappingException.from(
                          gen,
                          schedule.getClass().getName()
                              + " is not registered: register it in the KerasRegistry as a "
                              + "SCHEDULE to save it"));
      gen.writeStartObject();
      gen.writeStringField("module", type.module());
      gen.writeStringField("class_name", type.className());
      gen.writeFieldName("config");
      provider.defaultSerializeValue(schedule, gen);
      gen.writeStringField("registered_name", type.registeredName());
      gen.writeEndObject();
    }
  }

  static final class Reader extends JsonDeserializer<LearningRate> {
    @Override
    public LearningRate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode n = p.readValueAsTree();
      if (n.isNumber()) {
        return LearningRate.of(n.doubleValue());
      }
      String path = p.getParsingContext().pathAsPointer().toString();
      if (!n.isObject()) {
        throw JsonMappingException.from(
            p, "Expected `learning_rate` to be a float or a schedule object, received " + n);
      }
      String className = n.path("class_name").asText();
      if (className.equals("function")) {
        throw new UnsupportedFeatureException(
            path,
            "A `learning_rate` given as a Python function cannot be loaded; use a "
                + "keras.optimizers.schedules object or register a Java LearningRateSchedule. "
                + "Received: "
                + n);
      }
      Object c = ctxt.getAttribute(ReadContext.class);
      KerasRegistry registry =
          c instanceof ReadContext rc ? rc.registry() : KerasRegistry.builtins();
      JsonNode registered = n.get("registered_name");
      String key = registered != null && registered.isTextual() ? registered.asText() : className;
      Optional<ObjectType> type = registry.object(Category.SCHEDULE, key);
      if (type.isEmpty()) {
        type = registry.object(Category.SCHEDULE, className);
      }
      if (type.isEmpty()) {
        throw new UnknownObjectException(
            path,
            key,
            "Unknown learning rate schedule '"
                + key
                + "'; known: "
                + registry.objectKeys(Category.SCHEDULE)
                + ". Register a Java LearningRateSchedule for it in the KerasRegistry.");
      }
      JsonNode config = n.has("config") ? n.get("config") : JsonNodeFactory.instance.objectNode();
      Object schedule = ctxt.readTreeAsValue(config, type.get().javaClass());
      if (!(schedule instanceof LearningRateSchedule s)) {
        throw JsonMappingException.from(
            p,
            type.get().javaClass().getName()
                + " is registered as a schedule but is not a LearningRateSchedule");
      }
      return LearningRate.of(s);
    }
  }
}
