package io.keras4j.layers.recurrent;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.Layer;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The layer configs Keras wrote ({@code keras-fixtures/configs/layers.json}), read and written. */
final class KerasConfigs {

  private KerasConfigs() {}

  /** The envelope Keras' {@code serialize_keras_object} wrote for the first layer of the class. */
  static ObjectNode serialized(String className) {
    try (InputStream in =
        KerasConfigs.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      for (JsonNode entry : KerasJson.mapper().readTree(in).get("layers")) {
        if (entry.get("class_name").asText().equals(className)) {
          return (ObjectNode) entry.get("serialized");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("Keras wrote no " + className);
  }

  /**
   * Reads the config Keras wrote for {@code className}, checks that writing it back gives Keras'
   * JSON, and returns the layer.
   */
  static Layer assertReadsAndWritesBack(String className) {
    ObjectNode keras = serialized(className);
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    Layer layer = serializer.deserialize(keras);
    ObjectNode written = serializer.serialize(layer);
    assertJsonEquals(keras, written);
    return layer;
  }
}
