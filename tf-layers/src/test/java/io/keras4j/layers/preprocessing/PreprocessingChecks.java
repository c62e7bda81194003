package io.keras4j.layers.preprocessing;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.layers.Layer;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** What the preprocessing layers' tests share: inputs, reading outputs, Keras' configs. */
final class PreprocessingChecks {

  private PreprocessingChecks() {}

  static float[] random(long seed, double mean, double std, long... shape) {
    Random random = new Random(seed);
    float[] v = new float[Math.toIntExact(Shape.of(shape).size())];
    for (int i = 0; i < v.length; i++) v[i] = (float) (mean + std * random.nextGaussian());
    return v;
  }

  static TFloat32 tensor(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  static float[] values(Tensor t) {
    float[] v = new float[Math.toIntExact(t.shape().size())];
    ((TFloat32) t).copyTo(DataBuffers.of(v, false, false));
    return v;
  }

  /** The only output of a result, as floats. */
  static float[] output(Result r) {
    assertEquals(1, r.size());
    return values(r.get(0));
  }

  /** Keras' {@code serialize_keras_object} output for a layer class in the configs fixture. */
  static JsonNode kerasSerialized(String className) {
    try (InputStream in =
        PreprocessingChecks.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      for (JsonNode entry : KerasJson.mapper().readTree(in).get("layers")) {
        if (entry.get("class_name").asText().equals(className)) return entry.get("serialized");
      }
      throw new AssertionError("No " + className + " in configs/layers.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a layer's Keras JSON and checks that writing it back gives the same JSON. */
  static Layer assertReadsAndWritesBack(JsonNode keras) {
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    Layer layer = serializer.deserialize(keras);
    assertEquals(keras.get("class_name").asText(), layer.getClass().getSimpleName());
    assertJsonEquals(keras, serializer.serialize(layer));
    return layer;
  }
}
