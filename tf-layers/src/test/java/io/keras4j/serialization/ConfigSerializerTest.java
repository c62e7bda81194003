package io.keras4j.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.core.Dense;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

class ConfigSerializerTest {

  private static final ConfigSerializer SERIALIZER = ConfigSerializer.of(KerasRegistry.builtins());

  private static JsonNode json(String text) throws Exception {
    return KerasJson.mapper().readTree(text.replace('\'', '"'));
  }

  private static final String DENSE =
      "{'class_name': 'Dense', 'config': {'name': 'd', 'units': 2, 'activation': 'relu'%s}}";

  @Test
  void keras2SequentialAsBareListTakesItsInputFromBatchInputShape() throws Exception {
    JsonNode config =
        json(
            "{'class_name': 'Sequential', 'config': ["
                + String.format(DENSE, ", 'batch_input_shape': [null, 3], 'dtype': 'float32'")
                + "]}");
    try (Model model = SERIALIZER.deserializeModel(config)) {
      Sequential s = assertInstanceOf(Sequential.class, model);
      assertEquals("(None, 3)", Shapes.toKeras(s.inputSpecs().get(0).shape()));
      assertEquals(1, s.layers().size());
      assertEquals("(None, 2)", Shapes.toKeras(s.outputSpecs().get(0).shape()));
      assertTrue(s.layers().get(0).unknownConfig().isEmpty(), "input keys are consumed");
    }
  }

  @Test
  void keras2FunctionalNodesAsNestedLists() throws Exception {
    JsonNode config =
        json(
            "{'class_name': 'Model', 'config': {'name': 'm', 'layers': ["
                + "{'class_name': 'InputLayer', 'name': 'in', 'config': {'batch_input_shape': [null, 3],"
                + " 'dtype': 'float32', 'sparse': false, 'name': 'in'}, 'inbound_nodes': []},"
                + "{'class_name': 'Dense', 'name': 'd', 'config': {'name': 'd', 'units': 2},"
                + " 'inbound_nodes': [[['in', 0, 0, {}]]]}],"
                + " 'input_layers': [['in', 0, 0]], 'output_layers': [['d', 0, 0]]}}");
    try (Model model = SERIALIZER.deserializeModel(config)) {
      Functional f = assertInstanceOf(Functional.class, model);
      assertEquals(2, f.layers().size());
      assertEquals("d", f.outputNames().get(0));
      assertEquals(false, f.singleInput(), "Keras 2 writes input_layers as a list");
    }
  }

  @Test
  void unknownKeysSurviveALoadAndSave() throws Exception {
    ObjectNode env = (ObjectNode) json(String.format(DENSE, ", 'future_key': {'a': [1, 2]}"));
    Dense d = assertInstanceOf(Dense.class, SERIALIZER.deserialize(env));
    assertEquals(json("{'a': [1, 2]}"), d.unknownConfig().get("future_key"));
    assertEquals(json("{'a': [1, 2]}"), SERIALIZER.serialize(d).get("config").get("future_key"));
  }

  @Test
  void unsupportedBehaviourChangingKeyFailsLoudly() throws Exception {
    JsonNode env = json(String.format(DENSE, ", 'quantization_config': {'mode': 'int8'}"));
    ConfigException e = assertThrows(ConfigException.class, () -> SERIALIZER.deserialize(env));
    assertTrue(e.getMessage().contains("quantization_config"), e.getMessage());
  }

  @Test
  void unknownLayerNamesTheKeyAndTheFix() throws Exception {
    JsonNode env =
        json(
            "{'module': null, 'class_name': 'Mystery', 'registered_name': 'acme>Mystery',"
                + " 'config': {'name': 'm1'}}");
    UnknownObjectException e =
        assertThrows(UnknownObjectException.class, () -> SERIALIZER.deserialize(env));
    assertEquals("acme>Mystery", e.key());
    assertTrue(e.getMessage().contains("m1"), e.getMessage());
    assertTrue(e.getMessage().contains("--custom acme>Mystery="), e.getMessage());
  }

  @Test
  void lambdaIsRefusedUnlessAJavaLayerIsRegisteredUnderItsName() throws Exception {
    JsonNode env =
        json(
            "{'module': 'keras.layers', 'class_name': 'Lambda', 'config': {'name': 'scale',"
                + " 'function': {'class_name': '__lambda__', 'config': {'code': 'YmFk'}}}}");
    UnsupportedFeatureException e =
        assertThrows(UnsupportedFeatureException.class, () -> SERIALIZER.deserialize(env));
    assertTrue(e.getMessage().contains("'scale'"), e.getMessage());
    assertTrue(e.getMessage().contains("never runs code"), e.getMessage());

    KerasRegistry registry =
        KerasRegistry.builtins().toBuilder()
            .alias("scale", KerasRegistry.builtins().layer("Dense").orElseThrow())
            .build();
    ObjectNode withUnits = (ObjectNode) env.deepCopy();
    ((ObjectNode) withUnits.get("config")).put("units", 3);
    assertInstanceOf(Dense.class, ConfigSerializer.of(registry).deserialize(withUnits));
  }

  @Test
  void errorsNameTheJsonPath() throws Exception {
    JsonNode config =
        json(
            "{'class_name': 'Sequential', 'config': {'name': 's', 'layers': ["
                + String.format(DENSE, ", 'batch_input_shape': [null, 3]")
                    .replace("'units': 2", "'units': -1")
                + "]}}");
    ConfigException e =
        assertThrows(ConfigException.class, () -> SERIALIZER.deserializeModel(config));
    assertTrue(e.getMessage().contains("config.layers[0] (d)"), e.getMessage());
    assertTrue(e.getMessage().contains("units=-1"), e.getMessage());
  }
}
