package io.keras4j.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.Initializer;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void initializerIsWrittenInKerasEnvelopeWithNullValues() throws Exception {
    String json =
        KerasJson.mapper()
            .writer()
            .withAttribute(KerasRegistry.class, KerasRegistry.builtins())
            .writeValueAsString(new GlorotUniform());
    JsonNode n = KerasJson.mapper().readTree(json);
    assertEquals(
        KerasJson.mapper()
            .readTree(
                "{\"module\": \"keras.initializers\", \"class_name\": \"GlorotUniform\","
                    + " \"config\": {\"seed\": null, \"input_axes\": null, \"output_axes\": null},"
                    + " \"registered_name\": null}"),
        n);
    Initializer back =
        KerasJson.mapper()
            .readerFor(Initializer.class)
            .withAttribute(ReadContext.class, ReadContext.of(KerasRegistry.builtins()))
            .readValue(n);
    assertEquals(new GlorotUniform(), back);
  }
}
