package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads a GRU or GRU cell config, giving a file written by Keras 2 without {@code reset_after}
 * Keras 2's {@code reset_after=False}: the key appeared in Keras 2.1.3, when {@code False} was the
 * only behaviour. Keras 3's default ({@code True}) applies to every other config.
 *
 * @param <B> the config's builder, read from the JSON with Jackson
 * @param <C> the config record
 */
abstract class GruKeras2<B, C> extends JsonDeserializer<C> {

  private final Class<B> builderClass;
  private final Function<B, C> build;

  GruKeras2(Class<B> builderClass, Function<B, C> build) {
    this.builderClass = builderClass;
    this.build = build;
  }

  @Override
  public C deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode n = p.readValueAsTree();
    Object rc = ctxt.getAttribute(ReadContext.class);
    if (n instanceof ObjectNode o
        && !o.has("reset_after")
        && rc instanceof ReadContext context
        && context.isKeras2()) {
      ObjectNode copy = o.deepCopy();
      copy.put("reset_after", false);
      n = copy;
    }
    B builder = ctxt.readTreeAsValue(n, builderClass);
    try {
      return build.apply(builder);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
  }
}
