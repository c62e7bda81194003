package io.keras4j.layers.core;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.Layer;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The configs Keras wrote for this package's layers, copied from {@code keras-fixtures} (every
 * {@code model.keras} and {@code configs/layers.json}) into {@code keras-configs.json}.
 */
final class KerasConfigs {

  private KerasConfigs() {}

  /**
   * Reads every config of {@code className} that Keras wrote, writes it back and compares the two
   * {@code config} objects as Keras JSON (key order aside, numbers by value).
   *
   * @param ignored keys left out of the comparison, each for a reason the caller gives
   */
  static void assertReadsAndWritesKerasConfigs(String className, String... ignored) {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    int seen = 0;
    for (JsonNode envelope : all()) {
      if (!envelope.get("class_name").asText().equals(className)) continue;
      Layer layer = serializer.deserialize(envelope);
      assertEquals(className, layer.getClass().getSimpleName());
      ObjectNode expected = envelope.get("config").deepCopy();
      // A DTypePolicy shared by several layers of a model carries shared_object_id: the model
      // serializer's business, not the layer's.
      if (expected.get("dtype") instanceof ObjectNode dtype) dtype.remove("shared_object_id");
      ObjectNode actual = serializer.serialize(layer).get("config").deepCopy();
      expected.remove(List.of(ignored));
      actual.remove(List.of(ignored));
      assertJsonEquals(expected, actual);
      seen++;
    }
    assertFalse(seen == 0, "no Keras config of " + className + " in keras-configs.json");
  }

  private static JsonNode all() {
    try (InputStream in = KerasConfigs.class.getResourceAsStream("keras-configs.json")) {
      return KerasJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
