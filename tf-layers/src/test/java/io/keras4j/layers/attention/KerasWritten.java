package io.keras4j.layers.attention;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.Layer;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.UnknownObjectException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Layer configs Keras wrote ({@code keras-fixtures/configs/layers.json}), read and written back.
 */
final class KerasWritten {

  private static final ConfigSerializer SERIALIZER = ConfigSerializer.of(KerasRegistry.builtins());

  private KerasWritten() {}

  /**
   * Reads the envelope Keras wrote for the layer of class {@code className}, checks that writing it
   * gives the same JSON, and returns the layer. Skips the test while an object the config names is
   * not registered yet.
   */
  static Layer assertReadsAndWritesBack(String className) throws IOException {
    JsonNode serialized = entry(className).get("serialized");
    Layer layer;
    try {
      layer = SERIALIZER.deserialize(serialized);
    } catch (UnknownObjectException e) {
      Assumptions.abort("not registered yet: " + e.key());
      return null;
    }
    assertEquals(className, layer.getClass().getSimpleName());
    assertJsonEquals(serialized, SERIALIZER.serialize(layer));
    return layer;
  }

  /** Compares a layer's envelope with the one Keras wrote, given as JSON text. */
  static void assertWritesLikeKeras(String kerasJson) throws IOException {
    JsonNode keras = KerasJson.mapper().readTree(kerasJson);
    assertJsonEquals(keras, SERIALIZER.serialize(SERIALIZER.deserialize(keras)));
  }

  private static JsonNode entry(String className) throws IOException {
    try (InputStream in =
        KerasWritten.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      for (JsonNode e : KerasJson.mapper().readTree(in).get("layers")) {
        if (className.equals(e.path("class_name").asText())) return e;
      }
    }
    throw new IllegalArgumentException("No " + className + " in layers.json");
  }
}
