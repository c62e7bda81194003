package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.layers.core.Input;
import io.keras4j.models.Functional;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;

/**
 * The checks every layer's test runs: weights named and shaped as Keras creates them, {@code
 * computeOutputShape} agreeing with the graph the layer builds, the config surviving JSON and the
 * registry, and running the layer in a model.
 */
public final class LayerTestKit {

  private LayerTestKit() {}

  /**
   * Checks the layer's declared output specs against the static shapes and dtypes of the graph it
   * builds for the given inputs (unknown dimensions stay unknown in both).
   */
  public static List<TensorSpec> assertOutputSpecMatchesGraph(Layer layer, TensorSpec... inputs) {
    List<TensorSpec> declared = layer.computeOutputSpec(List.of(inputs));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> placeholders = new ArrayList<>();
      for (TensorSpec in : inputs) {
        placeholders.add(tf.placeholder(in.dtype(), Placeholder.shape(in.shape())));
      }
      List<Operand<?>> out = layer.apply(tf, placeholders, CallContext.inference());
      assertEquals(declared.size(), out.size(), "number of outputs of " + layer.name());
      for (int i = 0; i < out.size(); i++) {
        assertEquals(
            Shapes.toKeras(declared.get(i).shape()),
            Shapes.toKeras(out.get(i).shape()),
            "shape of output " + i + " of " + layer.name());
        assertEquals(declared.get(i).dtype(), out.get(i).type(), "dtype of output " + i);
      }
      layer.weights().forEach(w -> w.detach(g));
    }
    return declared;
  }

  /**
   * Checks the layer's own weights, in Keras' saving order, as {@code "name(d0, d1)"} strings such
   * as {@code "kernel(3, 4)"}.
   */
  public static void assertWeights(Layer layer, String... expected) {
    List<String> actual = new ArrayList<>();
    for (Weight w : layer.weights()) {
      actual.add(w.name() + Shapes.toKeras(w.shape()));
    }
    assertEquals(List.of(expected), actual, "weights of " + layer.name());
  }

  /**
   * Serializes the layer, reads it back through the built-in registry and serializes it again:
   * the class must be the same and both JSON documents equal.
   */
  public static Layer assertConfigRoundTrip(Layer layer) {
    return assertConfigRoundTrip(layer, KerasRegistry.builtins());
  }

  public static Layer assertConfigRoundTrip(Layer layer, KerasRegistry registry) {
    ConfigSerializer serializer = ConfigSerializer.of(registry);
    ObjectNode json = serializer.serialize(layer);
    Layer copy = serializer.deserialize(json);
    assertSame(layer.getClass(), copy.getClass(), "class after round trip");
    assertEquals(layer.getConfig(), copy.getConfig(), "config record after round trip");
    JsonNode again = serializer.serialize(copy).get("config");
    assertEquals(json.get("config"), again, "config JSON after round trip");
    return copy;
  }

  /**
   * Runs the layer on the given tensors inside a functional model (batch dimension unknown) and
   * returns its outputs; the caller closes the result.
   */
  public static Result predict(Layer layer, Tensor... inputs) {
    List<KerasTensor> in = new ArrayList<>();
    for (Tensor t : inputs) {
      long[] dims = t.shape().asArray();
      long[] rest = java.util.Arrays.copyOfRange(dims, 1, dims.length);
      in.add(Input.builder(rest).dtype(io.keras4j.layers.DTypePolicy.kerasName(typeOf(t))).build());
    }
    List<KerasTensor> out =
        layer.applyAll(
            in.size() == 1
                ? io.keras4j.layers.CallArgs.of(in.get(0))
                : io.keras4j.layers.CallArgs.of(in));
    try (Functional model = new Functional(LayerArgs.defaults(), in, out)) {
      return model.predict(inputs);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends org.tensorflow.types.family.TType> typeOf(Tensor t) {
    for (Class<?> c : t.getClass().getInterfaces()) {
      if (org.tensorflow.types.family.TType.class.isAssignableFrom(c)) {
        return (Class<? extends org.tensorflow.types.family.TType>) c;
      }
    }
    throw new IllegalArgumentException("Unknown tensor type " + t.getClass());
  }

  /** A spec with an unknown batch dimension. */
  public static TensorSpec spec(Class<? extends org.tensorflow.types.family.TType> dtype, long... dims) {
    return new TensorSpec(Shape.of(dims).prepend(Shape.UNKNOWN_SIZE), dtype);
  }
}
