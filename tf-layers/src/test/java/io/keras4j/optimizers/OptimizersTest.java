package io.keras4j.optimizers;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.keras4j.internal.Naming;
import io.keras4j.optimizers.schedules.CosineDecay;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import io.keras4j.optimizers.schedules.InverseTimeDecay;
import io.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import io.keras4j.optimizers.schedules.PolynomialDecay;
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

/** Optimizer and schedule configs read and written as Keras JSON. */
class OptimizersTest {

  private static final ObjectReader READER =
      KerasJson.mapper()
          .readerFor(Optimizer.class)
          .withAttribute(ReadContext.class, ReadContext.of(KerasRegistry.builtins()));
  private static final ObjectWriter WRITER =
      KerasJson.mapper().writer().withAttribute(KerasRegistry.class, KerasRegistry.builtins());

  private static JsonNode resource(String path) throws IOException {
    try (InputStream in = OptimizersTest.class.getResourceAsStream(path)) {
      return KerasJson.mapper().readTree(in);
    }
  }

  /** The {@code optimizers} entries of {@code layers.json}: Keras' serialize_keras_object. */
  static List<JsonNode> layersJsonOptimizers() throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    resource("/keras-fixtures/configs/layers.json").get("optimizers").forEach(entries::add);
    return entries;
  }

  /**
   * The {@code compile_config.optimizer} of every training fixture's {@code model.keras}, copied
   * verbatim into {@code compile_config_optimizers.json} (keyed by fixture).
   */
  static Map<String, JsonNode> trainingFixtureOptimizers() throws IOException {
    Map<String, JsonNode> m = new java.util.TreeMap<>();
    resource("/keras-fixtures/optimizers/compile_config_optimizers.json")
        .properties()
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /**
   * Reading and writing gives Keras' JSON back: the same class name and config (schedules
   * included); the envelope names Keras' public module, which every backend resolves, where the
   * torch backend wrote its own class.
   */
  private static void assertRoundTrip(JsonNode entry) throws IOException {
    Optimizer opt = READER.readValue(entry);
    assertEquals(entry.get("class_name").asText(), opt.getClass().getSimpleName());
    JsonNode written = KerasJson.mapper().readTree(WRITER.writeValueAsString(opt));
    assertEquals(entry.get("class_name"), written.get("class_name"));
    assertJsonEquals(entry.get("config"), written.get("config"));
    assertEquals("keras.optimizers", written.get("module").asText());
    assertTrue(written.get("registered_name").isNull(), written.toString());
    assertEquals(opt.getClass(), READER.readValue(written).getClass());
    assertEquals(config(entry), config(written));
  }

  @TestFactory
  Stream<DynamicTest> every_optimizer_keras_wrote_reads_and_writes_back_the_same_config()
      throws IOException {
    return layersJsonOptimizers().stream()
        .map(e -> DynamicTest.dynamicTest(e.get("class_name").asText(), () -> assertRoundTrip(e)));
  }

  @TestFactory
  Stream<DynamicTest> every_training_fixture_optimizer_reads_and_writes_back_the_same_config()
      throws IOException {
    return trainingFixtureOptimizers().entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> assertRoundTrip(e.getValue())));
  }

  @Test
  void schedules_in_fixtures_read_as_their_records() throws IOException {
    Map<String, JsonNode> fixtures = trainingFixtureOptimizers();
    assertEquals(
        LearningRate.of(
            ExponentialDecay.builder()
                .initialLearningRate(0.05)
                .decaySteps(3)
                .decayRate(0.7)
                .build()),
        config(fixtures.get("train_sgd_expdecay_mse")).learningRate());
    assertEquals(
        LearningRate.of(PiecewiseConstantDecay.of(List.of(4.0, 8.0), List.of(0.02, 0.01, 0.005))),
        config(fixtures.get("train_adamax_piecewise")).learningRate());
    assertEquals(
        LearningRate.of(
            CosineDecay.builder().initialLearningRate(0.1).decaySteps(10).alpha(0.1).build()),
        config(fixtures.get("train_sgd_global_clipnorm_cosine")).learningRate());
  }

  private static OptimizerConfig config(JsonNode entry) throws IOException {
    return ((BaseOptimizer<?>) READER.readValue(entry)).getConfig();
  }

  @Test
  void every_schedule_writes_what_it_reads() throws IOException {
    List<LearningRate> all =
        List.of(
            LearningRate.of(0.25),
            LearningRate.of(
                ExponentialDecay.builder()
                    .initialLearningRate(0.1)
                    .decaySteps(2.5)
                    .decayRate(0.5)
                    .staircase(true)
                    .name("e")
                    .build()),
            LearningRate.of(InverseTimeDecay.of(0.1, 1.0, 0.5)),
            LearningRate.of(
                PolynomialDecay.builder()
                    .initialLearningRate(0.1)
                    .decaySteps(10)
                    .power(0.5)
                    .cycle(true)
                    .build()),
            LearningRate.of(
                CosineDecay.builder()
                    .initialLearningRate(0.0)
                    .decaySteps(100)
                    .warmupTarget(0.1)
                    .warmupSteps(10)
                    .build()),
            LearningRate.of(PiecewiseConstantDecay.of(List.of(3.0), List.of(1.0, 0.5))));
    for (LearningRate lr : all) {
      Adam adam = new Adam(AdamConfig.builder().learningRate(lr).name("a").build());
      JsonNode json = KerasJson.mapper().readTree(WRITER.writeValueAsString(adam));
      if (lr instanceof LearningRate.Scheduled s) {
        JsonNode envelope = json.get("config").get("learning_rate");
        assertEquals("keras.optimizers.schedules", envelope.get("module").asText());
        assertEquals(s.schedule().getClass().getSimpleName(), envelope.get("class_name").asText());
        assertTrue(envelope.get("registered_name").isNull());
      }
      assertEquals(adam.getConfig(), config(json), lr.toString());
    }
  }

  @Test
  void keras_names_resolve_to_optimizers_with_keras_defaults() throws IOException {
    Map<String, Class<?>> names =
        Map.of(
            "sgd", SGD.class,
            "adam", Adam.class,
            "adamw", AdamW.class,
            "rmsprop", RMSprop.class,
            "adagrad", Adagrad.class,
            "adamax", Adamax.class,
            "nadam", Nadam.class);
    for (var e : names.entrySet()) {
      Optimizer opt = READER.readValue("\"" + e.getKey() + "\"");
      assertInstanceOf(e.getValue(), opt, e.getKey());
      OptimizerConfig c = ((BaseOptimizer<?>) opt).getConfig();
      assertEquals(
          LearningRate.of(opt instanceof SGD ? 0.01 : 0.001), c.learningRate(), e.getKey());
      // Keras' automatic names are the snake case of the class name: adam_w, rm_sprop.
      String auto = Naming.toSnakeCase(opt.getClass().getSimpleName());
      assertTrue(c.name().equals(auto) || c.name().startsWith(auto + "_"), c.name());
    }
  }

  @Test
  void missing_keys_get_keras_defaults() throws IOException {
    SGDConfig sgd =
        (SGDConfig)
            config(
                KerasJson.mapper()
                    .readTree(
                        "{\"class_name\": \"SGD\", \"config\": {\"name\": \"s\","
                            + " \"momentum\": 0.5}}"));
    assertEquals(SGDConfig.builder().name("s").momentum(0.5).build(), sgd);
    AdamWConfig adamw =
        (AdamWConfig)
            config(
                KerasJson.mapper()
                    .readTree("{\"class_name\": \"AdamW\", \"config\": {\"name\": \"w\"}}"));
    assertEquals(0.004, adamw.weightDecay());
    assertEquals(0.999, adamw.beta2());
  }

  @Test
  void unknown_schedules_list_the_known_ones() {
    String json =
        "{\"class_name\": \"SGD\", \"config\": {\"learning_rate\": {\"module\":"
            + " \"keras.optimizers.schedules\", \"class_name\": \"StepDecay\", \"config\": {},"
            + " \"registered_name\": null}}}";
    Exception e = assertThrows(Exception.class, () -> READER.readValue(json));
    Throwable cause = e;
    while (!(cause instanceof UnknownObjectException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    UnknownObjectException u = assertInstanceOf(UnknownObjectException.class, cause);
    assertEquals("StepDecay", u.key());
    assertTrue(u.getMessage().contains("ExponentialDecay"), u.getMessage());
  }

  @Test
  void keras_argument_errors_are_keras_errors() {
    var clips =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SGD(SGDConfig.builder().clipnorm(1.0).clipvalue(1.0).build()));
    assertTrue(clips.getMessage().startsWith("Only one of `clipnorm`"), clips.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SGDConfig.builder().momentum(1.5).build());
    assertThrows(
        IllegalArgumentException.class, () -> AdamWConfig.builder().weightDecay(null).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Adam(AdamConfig.builder().gradientAccumulationSteps(1).build()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PiecewiseConstantDecay.of(List.of(1.0, 2.0), List.of(0.1, 0.2)));
    assertThrows(IllegalArgumentException.class, () -> ExponentialDecay.of(0.1, 0, 0.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> CosineDecay.builder().initialLearningRate(0.1).build());
  }
}
