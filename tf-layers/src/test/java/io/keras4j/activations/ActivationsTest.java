package io.keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

class ActivationsTest {

  // The names keras/src/activations/__init__.py puts in ALL_OBJECTS_DICT (Keras 3.16).
  private static final List<String> KERAS_NAMES =
      List.of(
          "celu",
          "elu",
          "exponential",
          "gelu",
          "glu",
          "hard_shrink",
          "hard_sigmoid",
          "hard_silu",
          "hard_tanh",
          "leaky_relu",
          "linear",
          "log_sigmoid",
          "log_softmax",
          "mish",
          "relu",
          "relu6",
          "selu",
          "sigmoid",
          "silu",
          "soft_shrink",
          "softmax",
          "softplus",
          "softsign",
          "sparse_plus",
          "sparse_sigmoid",
          "sparsemax",
          "squareplus",
          "tanh",
          "tanh_shrink",
          "threshold",
          "swish",
          "hard_swish");

  private static final ObjectWriter WRITER =
      KerasJson.mapper().writer().withAttribute(KerasRegistry.class, KerasRegistry.builtins());

  private static ObjectReader reader(ReadContext context) {
    return KerasJson.mapper().readerFor(Activation.class).withAttribute(ReadContext.class, context);
  }

  private static final ReadContext KERAS3 = ReadContext.of(KerasRegistry.builtins());
  private static final ReadContext KERAS2 = KERAS3.withKerasVersion("2.2.4-tf");

  @Test
  void every_name_keras_exports_is_known_and_nothing_else() {
    assertEquals(new TreeSet<>(KERAS_NAMES), Activations.names());
    for (String name : KERAS_NAMES) {
      Activation a = Activations.get(name);
      assertTrue(a instanceof BuiltinActivation, name);
    }
  }

  @Test
  void every_constant_but_keras2_hard_sigmoid_is_found_by_its_own_name() {
    for (BuiltinActivation a : BuiltinActivation.values()) {
      if (a != BuiltinActivation.HARD_SIGMOID_KERAS2) {
        assertSame(a, Activations.get(a.kerasName()), a.name());
      }
    }
  }

  @Test
  void aliases_resolve_to_the_function_and_serialize_under_its_name() throws IOException {
    // Keras parity: keras.activations.serialize(swish) is "silu", the function's __name__.
    assertSame(BuiltinActivation.SILU, Activations.get("swish"));
    assertSame(BuiltinActivation.HARD_SILU, Activations.get("hard_swish"));
    Activation swish = reader(KERAS3).readValue("\"swish\"");
    assertEquals("\"silu\"", WRITER.writeValueAsString(swish));
    Activation hardSwish = reader(KERAS3).readValue("\"hard_swish\"");
    assertEquals("\"hard_silu\"", WRITER.writeValueAsString(hardSwish));
  }

  @Test
  void every_constant_writes_its_keras_name() throws IOException {
    for (BuiltinActivation a : BuiltinActivation.values()) {
      assertEquals("\"" + a.kerasName() + "\"", WRITER.writeValueAsString(a));
    }
  }

  @Test
  void hard_sigmoid_means_what_the_writing_keras_meant() throws IOException {
    assertSame(BuiltinActivation.HARD_SIGMOID_KERAS2, Activations.get("hard_sigmoid", true));
    assertSame(BuiltinActivation.HARD_SIGMOID, Activations.get("hard_sigmoid", false));
    assertSame(BuiltinActivation.HARD_SIGMOID_KERAS2, reader(KERAS2).readValue("\"hard_sigmoid\""));
    assertSame(BuiltinActivation.HARD_SIGMOID, reader(KERAS3).readValue("\"hard_sigmoid\""));
    // Only hard_sigmoid changed meaning.
    assertSame(BuiltinActivation.SIGMOID, Activations.get("sigmoid", true));
    assertSame(BuiltinActivation.SILU, reader(KERAS2).readValue("\"swish\""));
    assertEquals(
        "\"hard_sigmoid\"", WRITER.writeValueAsString(BuiltinActivation.HARD_SIGMOID_KERAS2));
  }

  @Test
  void function_envelope_reads_as_the_name() throws IOException {
    String json =
        "{\"module\": \"builtins\", \"class_name\": \"function\", \"config\": \"gelu\","
            + " \"registered_name\": \"function\"}";
    assertSame(BuiltinActivation.GELU, reader(KERAS3).readValue(json));
  }

  @Test
  void unknown_names_list_the_known_ones() {
    var e = assertThrows(IllegalArgumentException.class, () -> Activations.get("rleu"));
    assertTrue(e.getMessage().contains("rleu") && e.getMessage().contains("relu"), e.getMessage());
    assertTrue(Activations.find("rleu").isEmpty());
  }

  @Test
  void names_of_builtins_only() {
    assertEquals("relu6", Activations.nameOf(BuiltinActivation.RELU6).orElseThrow());
    Activation custom =
        new Activation() {
          @Override
          public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
            return x;
          }
        };
    assertTrue(Activations.nameOf(custom).isEmpty());
  }
}
