package io.keras4j.losses;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.losses.LossKit.Data;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.UnknownObjectException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class LossesTest {

  // Keras 3.16's loss classes (keras/src/losses/__init__.py) that Keras4J has, with the default
  // name of each.
  private static final Map<String, String> KERAS_CLASSES =
      Map.ofEntries(
          Map.entry("BinaryCrossentropy", "binary_crossentropy"),
          Map.entry("BinaryFocalCrossentropy", "binary_focal_crossentropy"),
          Map.entry("CategoricalCrossentropy", "categorical_crossentropy"),
          Map.entry("CategoricalFocalCrossentropy", "categorical_focal_crossentropy"),
          Map.entry("CategoricalHinge", "categorical_hinge"),
          Map.entry("CosineSimilarity", "cosine_similarity"),
          Map.entry("Dice", "dice"),
          Map.entry("Hinge", "hinge"),
          Map.entry("Huber", "huber_loss"),
          Map.entry("KLDivergence", "kl_divergence"),
          Map.entry("LogCosh", "log_cosh"),
          Map.entry("MeanAbsoluteError", "mean_absolute_error"),
          Map.entry("MeanAbsolutePercentageError", "mean_absolute_percentage_error"),
          Map.entry("MeanSquaredError", "mean_squared_error"),
          Map.entry("MeanSquaredLogarithmicError", "mean_squared_logarithmic_error"),
          Map.entry("Poisson", "poisson"),
          Map.entry("SparseCategoricalCrossentropy", "sparse_categorical_crossentropy"),
          Map.entry("SquaredHinge", "squared_hinge"),
          Map.entry("Tversky", "tversky"));

  // Keras' ALL_OBJECTS_DICT entries for loss functions: name -> the function's __name__.
  private static final Map<String, String> KERAS_FUNCTIONS =
      Map.ofEntries(
          Map.entry("binary_crossentropy", "binary_crossentropy"),
          Map.entry("binary_focal_crossentropy", "binary_focal_crossentropy"),
          Map.entry("categorical_crossentropy", "categorical_crossentropy"),
          Map.entry("categorical_focal_crossentropy", "categorical_focal_crossentropy"),
          Map.entry("categorical_hinge", "categorical_hinge"),
          Map.entry("cosine_similarity", "cosine_similarity"),
          Map.entry("dice", "dice"),
          Map.entry("hinge", "hinge"),
          Map.entry("huber", "huber"),
          Map.entry("kl_divergence", "kl_divergence"),
          Map.entry("log_cosh", "log_cosh"),
          Map.entry("mean_absolute_error", "mean_absolute_error"),
          Map.entry("mean_absolute_percentage_error", "mean_absolute_percentage_error"),
          Map.entry("mean_squared_error", "mean_squared_error"),
          Map.entry("mean_squared_logarithmic_error", "mean_squared_logarithmic_error"),
          Map.entry("poisson", "poisson"),
          Map.entry("sparse_categorical_crossentropy", "sparse_categorical_crossentropy"),
          Map.entry("squared_hinge", "squared_hinge"),
          Map.entry("tversky", "tversky"),
          Map.entry("bce", "binary_crossentropy"),
          Map.entry("BCE", "binary_crossentropy"),
          Map.entry("kld", "kl_divergence"),
          Map.entry("KLD", "kl_divergence"),
          Map.entry("mae", "mean_absolute_error"),
          Map.entry("MAE", "mean_absolute_error"),
          Map.entry("mse", "mean_squared_error"),
          Map.entry("MSE", "mean_squared_error"),
          Map.entry("mape", "mean_absolute_percentage_error"),
          Map.entry("MAPE", "mean_absolute_percentage_error"),
          Map.entry("msle", "mean_squared_logarithmic_error"),
          Map.entry("MSLE", "mean_squared_logarithmic_error"));

  @Test
  void every_keras_class_name_gives_the_class_with_keras_defaults() {
    KERAS_CLASSES.forEach(
        (className, defaultName) -> {
          Loss loss = Losses.get(className);
          assertEquals(className, loss.getClass().getSimpleName());
          assertEquals(defaultName, loss.name(), className);
          assertEquals("sum_over_batch_size", loss.reduction(), className);
          assertEquals(
              LossKit.read("{\"class_name\": \"" + className + "\", \"config\": {}}"), loss);
          assertEquals(LossKit.write(loss).get("class_name").asText(), className);
        });
  }

  @Test
  void every_keras_function_name_and_alias_gives_the_function() {
    assertEquals(KERAS_FUNCTIONS.keySet(), LossFunction.names());
    KERAS_FUNCTIONS.forEach(
        (name, function) -> {
          Loss loss = Losses.get(name);
          LossFunction f = assertInstanceOf(LossFunction.class, loss, name);
          assertEquals(function, f.function());
          assertEquals(function, f.name());
          assertEquals(LossFunction.of(name), loss);
        });
  }

  @Test
  void functions_are_their_class_with_keras_defaults() {
    KERAS_FUNCTIONS.values().stream()
        .distinct()
        .forEach(
            function -> {
              Loss asLoss = LossFunction.of(function).asLoss();
              assertEquals(Losses.get(asLoss.getClass().getSimpleName()), asLoss, function);
            });
    Data t = Data.uniform(1, Shape.of(3, 2), 0, 1);
    Data p = Data.uniform(2, Shape.of(3, 2), 0.1, 1);
    assertArrayEquals(
        LossKit.apply(new MeanSquaredError(), t, p, null),
        LossKit.apply(LossFunction.of("mse"), t, p, null));
  }

  @Test
  void functions_are_written_in_keras_function_form_under_their_own_name() throws IOException {
    for (String name : KERAS_FUNCTIONS.keySet()) {
      JsonNode want =
          KerasJson.mapper()
              .readTree(
                  "{\"module\": \"builtins\", \"class_name\": \"function\", \"config\": \""
                      + KERAS_FUNCTIONS.get(name)
                      + "\", \"registered_name\": \"function\"}");
      // Read from a name, as compile(loss="mse") gives it ...
      assertJsonEquals(want, LossKit.write(LossKit.read("\"" + name + "\"")));
      // ... and from the function form Keras writes.
      assertJsonEquals(want, LossKit.write(LossKit.read(want)));
    }
  }

  @Test
  void keras_losses_from_the_fixtures_read_and_write_back_equal() throws IOException {
    JsonNode fixtures;
    try (InputStream in = getClass().getResourceAsStream("/keras-fixtures/configs/layers.json")) {
      fixtures = KerasJson.mapper().readTree(in);
    }
    JsonNode losses = fixtures.get("losses");
    assertTrue(losses.size() >= 8, "fixture losses");
    for (JsonNode entry : losses) {
      assertJsonEquals(entry, LossKit.write(LossKit.read(entry)));
    }
  }

  @Test
  void crossentropy_is_chosen_from_the_shapes_as_compile_does() {
    assertEquals(
        LossFunction.of("binary_crossentropy"),
        Losses.get("crossentropy", Shape.of(-1, 1), Shape.of(-1, 1)));
    assertEquals(
        LossFunction.of("binary_crossentropy"), Losses.get("ce", Shape.of(-1), Shape.of(-1, 1)));
    assertEquals(
        LossFunction.of("sparse_categorical_crossentropy"),
        Losses.get("crossentropy", Shape.of(-1), Shape.of(-1, 5)));
    assertEquals(
        LossFunction.of("sparse_categorical_crossentropy"),
        Losses.get("CE", Shape.of(-1, 1), Shape.of(-1, 5)));
    assertEquals(
        LossFunction.of("categorical_crossentropy"),
        Losses.get("crossentropy", Shape.of(-1, 5), Shape.of(-1, 5)));
    assertEquals(new Huber(), Losses.get("Huber", Shape.of(-1, 5), Shape.of(-1, 5)));
  }

  @Test
  void losses_of_the_same_name_build_side_by_side_in_one_graph() {
    // Two outputs with the same loss, as a two-output model compiles them.
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> y = tf.constant(new float[][] {{1, 2}});
      Operand<TFloat32> p = tf.constant(new float[][] {{0, 0}});
      Operand<TFloat32> a = LossFunction.of("mse").apply(tf, y, p, null);
      Operand<TFloat32> b = new MeanSquaredError().apply(tf, y, tf.math.mul(p, p), null);
      try (Result r = session.runner().fetch(a).fetch(b).run()) {
        assertEquals(((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat());
      }
    }
  }

  @Test
  void unknown_names_list_the_known_ones() {
    var e = assertThrows(UnknownObjectException.class, () -> Losses.get("mean_squared_eror"));
    assertTrue(e.getMessage().contains("mean_squared_error"), e.getMessage());
    var f = assertThrows(IllegalArgumentException.class, () -> LossFunction.of("circle"));
    assertTrue(f.getMessage().contains("circle"), f.getMessage());
  }
}
