package io.keras4j.constraints;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ConstraintsTest {

  private static final ObjectReader READER =
      KerasJson.mapper()
          .readerFor(Constraint.class)
          .withAttribute(ReadContext.class, ReadContext.of(KerasRegistry.builtins()));
  private static final ObjectWriter WRITER =
      KerasJson.mapper().writer().withAttribute(KerasRegistry.class, KerasRegistry.builtins());

  private static List<JsonNode> kerasWritten() throws IOException {
    try (InputStream in =
        ConstraintsTest.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      List<JsonNode> entries = new ArrayList<>();
      KerasJson.mapper().readTree(in).get("constraints").forEach(entries::add);
      return entries;
    }
  }

  private static Constraint read(String json) throws IOException {
    return READER.readValue(json);
  }

  private static JsonNode config(Constraint c) throws IOException {
    return KerasJson.mapper().readTree(WRITER.writeValueAsString(c)).get("config");
  }

  @TestFactory
  Stream<DynamicTest> every_constraint_keras_wrote_reads_and_writes_back_the_same_json()
      throws IOException {
    return kerasWritten().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.get("class_name").asText(),
                    () -> {
                      Constraint c = READER.readValue(entry);
                      assertEquals(entry.get("class_name").asText(), c.getClass().getSimpleName());
                      assertJsonEquals(
                          entry, KerasJson.mapper().readTree(WRITER.writeValueAsString(c)));
                    }));
  }

  @Test
  void keras_names_and_aliases_resolve_to_the_default_instance() throws IOException {
    Map<String, Constraint> names =
        Map.of(
            "max_norm", new MaxNorm(),
            "maxnorm", new MaxNorm(),
            "min_max_norm", new MinMaxNorm(),
            "non_neg", new NonNeg(),
            "nonneg", new NonNeg(),
            "unit_norm", new UnitNorm(),
            "unitnorm", new UnitNorm(),
            "UnitNorm", new UnitNorm());
    for (var e : names.entrySet()) {
      assertEquals(e.getValue(), read("\"" + e.getKey() + "\""), e.getKey());
    }
  }

  @Test
  void axis_is_an_integer_or_a_list_as_keras_wrote_it() throws IOException {
    Constraint list = read("{\"class_name\": \"MaxNorm\", \"config\": {\"axis\": [0, 1, 2]}}");
    assertEquals(new MaxNorm(2, List.of(0, 1, 2)), list);
    assertJsonEquals(KerasJson.mapper().readTree("[0, 1, 2]"), config(list).get("axis"));
    Constraint single = read("{\"class_name\": \"UnitNorm\", \"config\": {\"axis\": -1}}");
    assertEquals(new UnitNorm(-1), single);
    assertJsonEquals(KerasJson.mapper().readTree("-1"), config(single).get("axis"));
  }

  @Test
  void missing_keys_get_kerass_defaults() throws IOException {
    assertEquals(
        new MinMaxNorm(0, 3, 1, 0),
        read("{\"class_name\": \"MinMaxNorm\", \"config\": {\"max_value\": 3}}"));
    assertEquals(new MaxNorm(), read("{\"class_name\": \"MaxNorm\", \"config\": {}}"));
  }

  @Test
  void an_empty_axis_list_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> new UnitNorm(List.of()));
  }
}
