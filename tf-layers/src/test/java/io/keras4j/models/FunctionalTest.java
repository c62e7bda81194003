package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.initializers.Zeros;
import io.keras4j.internal.JavaArrays;
import io.keras4j.layers.CallArgs;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tensorflow.Tensor;

class FunctionalTest {

  private static Dense dense(int units) {
    return new Dense(
        DenseConfig.builder(units)
            .kernelInitializer(new Zeros())
            .biasInitializer(new Zeros())
            .build());
  }

  /** Fills every weight with distinct values so that a misrouted weight changes the outputs. */
  private static void fill(Model model) {
    Map<Weight, Tensor> values = new HashMap<>();
    int seed = 1;
    for (Weight w : model.weights()) {
      float[] v = new float[(int) w.size()];
      for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(seed++ * 0.37);
      values.put(
          w,
          org.tensorflow.types.TFloat32.tensorOf(
              w.shape(), org.tensorflow.ndarray.buffer.DataBuffers.of(v)));
    }
    try {
      model.assignWeights(values);
    } finally {
      values.values().forEach(Tensor::close);
    }
  }

  private static float[][] input(int rows, int cols, double phase) {
    float[][] x = new float[rows][cols];
    for (int i = 0; i < rows; i++)
      for (int j = 0; j < cols; j++) x[i][j] = (float) Math.cos(phase + i * cols + j);
    return x;
  }

  @Test
  void sharedLayerComputesTheSameFunctionOnEachInput() {
    Dense shared = dense(3);
    KerasTensor a = Input.of(4);
    KerasTensor b = Input.of(4);
    try (Functional model =
        new Functional(
            LayerArgs.named("shared"), List.of(a, b), List.of(shared.apply(a), shared.apply(b)))) {
      model.build();
      fill(model);
      assertEquals(2, shared.inboundNodes().size());
      assertEquals(2, model.weights().size(), "a shared layer's weights count once");
      float[][] x = input(2, 4, 0);
      List<Object> out = model.predictArrays(x, x);
      assertArrayEquals((float[][]) out.get(0), (float[][]) out.get(1));
      List<Object> other = model.predictArrays(x, input(2, 4, 1));
      assertTrue(((float[][]) other.get(1))[0][0] != ((float[][]) other.get(0))[0][0]);
    }
  }

  @Test
  void nestedModelEqualsItsLayersAppliedInline() {
    Dense first = dense(5);
    Dense second = dense(2);
    KerasTensor innerIn = Input.of(3);
    Functional inner =
        new Functional(LayerArgs.named("inner"), innerIn, second.apply(first.apply(innerIn)));
    KerasTensor x = Input.of(3);
    try (Functional outer = new Functional(LayerArgs.named("outer"), x, inner.apply(x));
        inner) {
      outer.build();
      fill(outer);
      inner.build();
      Map<Weight, Tensor> copy = new HashMap<>();
      for (Weight w : outer.weights()) copy.put(w, outer.readWeight(w));
      inner.assignWeights(copy);
      copy.values().forEach(Tensor::close);
      float[][] in = input(3, 3, 0.5);
      assertArrayEquals(inner.predict(in), outer.predict(in));
      assertEquals(List.of(inner), outer.layers().subList(1, 2));
    }
  }

  @Test
  void oneGraphServesEveryBatchSizeAndThreadsShareIt() throws Exception {
    KerasTensor x = Input.of(4);
    try (Functional model = new Functional(LayerArgs.named("m"), x, dense(2).apply(x))) {
      model.build();
      fill(model);
      float[][] one = model.predict(input(1, 4, 0));
      float[][] many = model.predict(input(7, 4, 0));
      assertArrayEquals(one[0], many[0]);
      assertEquals(1, model.runtime().signatureCount());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<float[][]>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) results.add(pool.submit(() -> model.predict(input(7, 4, 0))));
        for (Future<float[][]> f : results) {
          float[][] r = f.get();
          for (int i = 0; i < r.length; i++) assertArrayEquals(many[i], r[i]);
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(1, model.runtime().signatureCount());
    }
  }

  @Test
  void predictOnTensorsAndOnArraysAgree() {
    KerasTensor x = Input.of(4);
    try (Functional model = new Functional(LayerArgs.named("m"), x, dense(3).apply(x))) {
      model.build();
      fill(model);
      float[][] in = input(2, 4, 0.1);
      try (Tensor t = JavaArrays.toTensor(in);
          org.tensorflow.Result r = model.predict(t)) {
        assertArrayEquals((float[][]) JavaArrays.toArray(r.get(0)), model.predict(in));
      }
    }
  }

  @Test
  void wrongInputShapeIsRefusedWithKerasShapes() {
    KerasTensor x = Input.builder(4).name("features").build();
    try (Functional model = new Functional(LayerArgs.named("m"), x, dense(3).apply(x))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> model.predict(input(2, 5, 0)));
      assertTrue(e.getMessage().contains("(None, 4)"), e.getMessage());
      assertTrue(e.getMessage().contains("(2, 5)"), e.getMessage());
      assertTrue(e.getMessage().contains("features"), e.getMessage());
    }
  }

  @Test
  void configRoundTripKeepsGraphStructure() {
    Dense shared = dense(3);
    KerasTensor a = Input.of(4);
    KerasTensor b = Input.of(4);
    KerasTensor innerIn = Input.of(3);
    Functional inner =
        new Functional(LayerArgs.named("inner_block"), innerIn, dense(2).apply(innerIn));
    KerasTensor ya = inner.apply(shared.apply(a));
    KerasTensor yb = shared.apply(b);
    Functional model = new Functional(LayerArgs.named("graph"), List.of(a, b), List.of(ya, yb));
    ConfigSerializer s = ConfigSerializer.of(KerasRegistry.builtins());
    JsonNode json = s.serialize(model);
    Functional copy = (Functional) s.deserializeModel(json);
    assertEquals(json, s.serialize(copy));
    assertEquals(model.layers().size(), copy.layers().size());
    assertEquals(2, copy.getLayer(shared.name()).inboundNodes().size());
    assertEquals(model.countParams(), copy.countParams());
  }

  @Test
  void disconnectedGraphIsRefused() {
    KerasTensor a = Input.of(4);
    KerasTensor b = Input.of(4);
    KerasTensor y = dense(2).apply(b);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Functional(LayerArgs.named("m"), a, y));
    assertTrue(e.getMessage().contains("Graph disconnected"), e.getMessage());
  }

  @Test
  void summaryListsLayersShapesAndParameterCounts() {
    KerasTensor x = Input.builder(8).name("features").build();
    Dense hidden =
        new Dense(
            DenseConfig.builder(4).kernelInitializer(new Zeros()).build(),
            LayerArgs.named("hidden"));
    try (Functional model = new Functional(LayerArgs.named("mlp"), x, hidden.apply(x))) {
      model.build();
      String summary = model.summary();
      assertTrue(summary.startsWith("Model: \"mlp\""), summary);
      assertTrue(summary.contains("features (InputLayer)"), summary);
      assertTrue(summary.contains("hidden (Dense)"), summary);
      assertTrue(summary.contains("(None, 4)"), summary);
      assertTrue(summary.contains(" Total params: 36 (144.00 B)"), summary);
      assertTrue(summary.contains(" Trainable params: 36 (144.00 B)"), summary);
      assertTrue(summary.contains(" Non-trainable params: 0 (0.00 B)"), summary);
      CallArgs unused = CallArgs.of();
      assertTrue(unused.tensors().isEmpty());
    }
  }

  /**
   * A model may list one tensor as two outputs, as a recurrent cell does when its output is its new
   * state ({@code GRUCell}, {@code SimpleRNNCell}, {@code LSTMCell} called alone): Keras predicts
   * both.
   */
  @Test
  void predictsAnOutputListedTwice() {
    KerasTensor x = Input.of(3);
    KerasTensor y = dense(2).apply(x);
    try (Functional model = new Functional(LayerArgs.defaults(), List.of(x), List.of(y, y))) {
      List<Object> out = model.predictArrays((Object) input(2, 3, 0.1));
      assertArrayEquals((float[][]) out.get(0), (float[][]) out.get(1));
    }
  }
}
