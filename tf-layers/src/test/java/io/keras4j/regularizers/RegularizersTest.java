package io.keras4j.regularizers;

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
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class RegularizersTest {

  private static final ObjectReader READER =
      KerasJson.mapper()
          .readerFor(Regularizer.class)
          .withAttribute(ReadContext.class, ReadContext.of(KerasRegistry.builtins()));
  private static final ObjectWriter WRITER =
      KerasJson.mapper().writer().withAttribute(KerasRegistry.class, KerasRegistry.builtins());

  private static List<JsonNode> kerasWritten() throws IOException {
    try (InputStream in =
        RegularizersTest.class.getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      List<JsonNode> entries = new ArrayList<>();
      KerasJson.mapper().readTree(in).get("regularizers").forEach(entries::add);
      return entries;
    }
  }

  private static Regularizer read(String json) throws IOException {
    return READER.readValue(json);
  }

  @TestFactory
  Stream<DynamicTest> every_regularizer_keras_wrote_reads_and_writes_back_the_same_json()
      throws IOException {
    return kerasWritten().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.get("class_name").asText(),
                    () -> {
                      Regularizer r = READER.readValue(entry);
                      assertEquals(entry.get("class_name").asText(), r.getClass().getSimpleName());
                      assertJsonEquals(
                          entry, KerasJson.mapper().readTree(WRITER.writeValueAsString(r)));
                    }));
  }

  @Test
  void keras_names_and_aliases_resolve_to_the_default_instance() throws IOException {
    Map<String, Regularizer> names =
        Map.of(
            "l1", new L1(),
            "l2", new L2(),
            "l1l2", new L1L2(),
            "l1_l2", new L1L2(),
            "orthogonal_regularizer", new OrthogonalRegularizer(),
            "L1L2", new L1L2());
    for (var e : names.entrySet()) {
      assertEquals(e.getValue(), read("\"" + e.getKey() + "\""), e.getKey());
    }
  }

  @Test
  void missing_and_null_factors_get_kerass_defaults() throws IOException {
    assertEquals(new L1(), read("{\"class_name\": \"L1\", \"config\": {\"l1\": null}}"));
    assertEquals(new L2(), read("{\"class_name\": \"L2\", \"config\": {}}"));
    assertEquals(
        new L1L2(0.0, 0.01), read("{\"class_name\": \"L1L2\", \"config\": {\"l2\": 0.01}}"));
    assertEquals(
        new OrthogonalRegularizer(0.01, "columns"),
        read("{\"class_name\": \"OrthogonalRegularizer\", \"config\": {\"mode\": \"columns\"}}"));
  }

  @Test
  void invalid_factors_fail_reading() {
    assertThrows(Exception.class, () -> read("{\"class_name\": \"L2\", \"config\": {\"l2\": -1}}"));
  }

  @TestFactory
  Stream<DynamicTest> every_regularizer_has_a_gradient() {
    return Stream.of(new L1(), new L2(), new L1L2(0.1, 0.1), new OrthogonalRegularizer())
        .map(r -> DynamicTest.dynamicTest(r.getClass().getSimpleName(), () -> assertGradient(r)));
  }

  /** The penalty's gradient exists in a graph and is finite. */
  private static void assertGradient(Regularizer r) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3, 2)));
      Operand<TFloat32> p = r.call(tf, x);
      Output<?>[] grad = g.addGradients(p.asOutput(), new Output<?>[] {x.asOutput()});
      float[] values = {0.5f, -1f, 2f, 0.25f, -0.5f, 1.5f};
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(3, 2), DataBuffers.of(values, true, false));
          Result res = s.runner().feed(x, in).fetch(grad[0]).run()) {
        TFloat32 gr = (TFloat32) res.get(0);
        assertEquals(Shape.of(3, 2), gr.shape());
        gr.scalars().forEach(v -> assertTrue(Float.isFinite(v.getFloat()), "finite gradient"));
      }
    }
  }
}
