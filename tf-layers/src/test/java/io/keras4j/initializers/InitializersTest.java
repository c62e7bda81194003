package io.keras4j.initializers;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import io.keras4j.serialization.UnknownObjectException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class InitializersTest {

  private static final ObjectReader READER =
      KerasJson.mapper()
          .readerFor(Initializer.class)
          .withAttribute(ReadContext.class, ReadContext.of(KerasRegistry.builtins()));
  private static final ObjectWriter WRITER =
      KerasJson.mapper().writer().withAttribute(KerasRegistry.class, KerasRegistry.builtins());

  static List<JsonNode> kerasWritten(String list) throws IOException {
    try (InputStream in =
        InitializersTest.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      List<JsonNode> entries = new ArrayList<>();
      KerasJson.mapper().readTree(in).get(list).forEach(entries::add);
      return entries;
    }
  }

  private static Initializer read(String json) throws IOException {
    return READER.readValue(json);
  }

  @TestFactory
  Stream<DynamicTest> every_initializer_keras_wrote_reads_and_writes_back_the_same_json()
      throws IOException {
    return kerasWritten("initializers").stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.get("class_name").asText(),
                    () -> {
                      Initializer init = READER.readValue(entry);
                      assertEquals(
                          entry.get("class_name").asText(), init.getClass().getSimpleName());
                      JsonNode written =
                          KerasJson.mapper().readTree(WRITER.writeValueAsString(init));
                      assertJsonEquals(entry, written);
                    }));
  }

  @Test
  void keras_names_and_aliases_resolve_to_the_default_instance() throws IOException {
    Map<String, Initializer> names =
        Map.ofEntries(
            Map.entry("glorot_uniform", new GlorotUniform()),
            Map.entry("glorot_normal", new GlorotNormal()),
            Map.entry("he_uniform", new HeUniform()),
            Map.entry("he_normal", new HeNormal()),
            Map.entry("lecun_uniform", new LecunUniform()),
            Map.entry("lecun_normal", new LecunNormal()),
            Map.entry("zeros", new Zeros()),
            Map.entry("zero", new Zeros()),
            Map.entry("ones", new Ones()),
            Map.entry("one", new Ones()),
            Map.entry("constant", new Constant()),
            Map.entry("identity", new Identity()),
            Map.entry("IdentityInitializer", new Identity()),
            Map.entry("orthogonal", new Orthogonal()),
            Map.entry("OrthogonalInitializer", new Orthogonal()),
            Map.entry("random_normal", new RandomNormal()),
            Map.entry("normal", new RandomNormal()),
            Map.entry("random_uniform", new RandomUniform()),
            Map.entry("uniform", new RandomUniform()),
            Map.entry("truncated_normal", new TruncatedNormal()),
            Map.entry("variance_scaling", new VarianceScaling()),
            Map.entry("GlorotUniform", new GlorotUniform()));
    for (var e : names.entrySet()) {
      assertEquals(e.getValue(), read("\"" + e.getKey() + "\""), e.getKey());
      assertEquals(
          e.getValue(),
          read("{\"class_name\": \"" + e.getKey() + "\", \"config\": {}}"),
          e.getKey() + " with an empty config");
    }
  }

  @Test
  void missing_keys_get_keras_defaults() throws IOException {
    assertEquals(
        RandomNormal.builder().seed(3L).build(),
        read("{\"class_name\": \"RandomNormal\", \"config\": {\"seed\": 3}}"));
    assertEquals(
        RandomUniform.builder().maxval(1.0).build(),
        read("{\"class_name\": \"RandomUniform\", \"config\": {\"maxval\": 1}}"));
    assertEquals(
        VarianceScaling.builder().mode("fan_avg").build(),
        read("{\"class_name\": \"VarianceScaling\", \"config\": {\"mode\": \"fan_avg\"}}"));
    assertEquals(
        Orthogonal.builder().seed(1L).build(),
        read("{\"class_name\": \"Orthogonal\", \"config\": {\"seed\": 1}}"));
  }

  @Test
  void keras2_configs_read_as_keras3_reads_them() throws IOException {
    // tf.keras 1.x wrote the dtype into initializer configs; Keras 2.0 wrote "normal".
    assertEquals(
        new GlorotUniform(),
        read(
            "{\"class_name\": \"GlorotUniform\","
                + " \"config\": {\"seed\": null, \"dtype\": \"float32\"}}"));
    assertEquals(
        VarianceScaling.builder()
            .scale(2.0)
            .mode("fan_in")
            .distribution("truncated_normal")
            .build(),
        read(
            "{\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 2.0,"
                + " \"mode\": \"fan_in\", \"distribution\": \"normal\", \"seed\": null}}"));
  }

  @Test
  void written_configs_are_read_back_equal() throws IOException {
    List<Initializer> all =
        List.of(
            new Constant(0.5),
            new Identity(2.0),
            new GlorotUniform(4L, List.of(0), List.of(1)),
            new HeNormal(9L),
            VarianceScaling.builder().scale(0.5).mode("fan_out").distribution("uniform").build(),
            RandomNormal.builder().mean(1.0).stddev(2.0).seed(-3L).build(),
            TruncatedNormal.builder().stddev(0.1).build(),
            RandomUniform.builder().minval(0.0).maxval(0.1).build(),
            Orthogonal.builder().gain(0.5).seed(7L).build());
    for (Initializer init : all) {
      assertEquals(init, read(WRITER.writeValueAsString(init)), init.toString());
    }
  }

  @Test
  void unknown_names_list_the_known_ones() {
    var e = assertThrows(UnknownObjectException.class, () -> read("\"glorot_uniformm\""));
    assertEquals("glorot_uniformm", e.key());
    assertTrue(e.getMessage().contains("GlorotUniform"), e.getMessage());
  }
}
