package io.keras4j.layers.core;

import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.predict;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.initializers.GlorotUniform;
import io.keras4j.initializers.RandomUniform;
import io.keras4j.initializers.VarianceScaling;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Shapes;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Weight and output shapes are the ones Keras' own einsum_dense_test.py expects. */
class EinsumDenseTest {

  private static EinsumDense layer(String equation, String biasAxes, Long... outputShape) {
    return new EinsumDense(
        EinsumDenseConfig.builder(equation, Arrays.asList(outputShape)).biasAxes(biasAxes).build());
  }

  @Test
  void denseAsAnEinsum() {
    EinsumDense dense = layer("ab,bc->ac", "c", 64L);
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 32));
    assertWeights(dense, "kernel(32, 64)", "bias(64,)");
  }

  @Test
  void biasRunsFromTheFirstBiasLabelToTheEnd() {
    EinsumDense onD = layer("abc,cde->abde", "d", 1L, 3L, 4L);
    assertOutputSpecMatchesGraph(onD, spec(TFloat32.class, 1, 2));
    assertWeights(onD, "kernel(2, 3, 4)", "bias(3, 1)");

    EinsumDense onBE = layer("abc,cde->abde", "be", 7L, 3L, 4L);
    assertOutputSpecMatchesGraph(onBE, spec(TFloat32.class, 7, 2));
    assertWeights(onBE, "kernel(2, 3, 4)", "bias(7, 1, 4)");
  }

  @Test
  void noBiasAxesNoBias() {
    EinsumDense dense = layer("BFNH,NHD->BFD", null, 1L, 4L);
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 1, 2, 3));
    assertWeights(dense, "kernel(2, 3, 4)");
  }

  @Test
  void leftEllipsis() {
    EinsumDense dense = layer("...c,cde->...de", "de", 3L, 4L);
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 1, 2));
    assertWeights(dense, "kernel(2, 3, 4)", "bias(3, 4)");

    EinsumDense sequence = layer("...b,bc->...c", null, 64L);
    assertOutputSpecMatchesGraph(sequence, spec(TFloat32.class, 3, 32));
    assertWeights(sequence, "kernel(32, 64)");
  }

  @Test
  void rightEllipsisAddsTrailingBiasAxes() {
    EinsumDense dense = layer("ab...,bc->ac...", "c", 4L);
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 3, 5));
    assertWeights(dense, "kernel(3, 4)", "bias(4, 1)");
  }

  @Test
  void declaresUnknownOutputDimensionsAsKerasDoes() {
    // Keras' compute_output_shape keeps None where output_shape has None, even when the input
    // knows the size.
    EinsumDense dense = layer("abc,cd->abd", "d", null, 64L);
    assertEquals(
        "(None, None, 64)", Shapes.toKeras(dense.computeOutputShape(Shape.of(-1, 32, 128))));
  }

  @Test
  void sharedDimensionsMustAgree() {
    EinsumDense dense = layer("abc,cd->abd", "d", 7L, 4L);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> dense.computeOutputShape(Shape.of(-1, 5, 6)));
    assertTrue(e.getMessage().contains("shared dimension 'b'"), e.getMessage());
  }

  @Test
  void biasAxesMustBeOutputLabels() {
    EinsumDense dense = layer("ab,bc->ac", "x", 4L);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> dense.computeOutputShape(Shape.of(-1, 3)));
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void malformedEquationIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> EinsumDenseConfig.builder("ab->b", 3).build());
    assertThrows(
        IllegalArgumentException.class, () -> EinsumDenseConfig.builder("ab,bc,cd->ad", 3).build());
  }

  @Test
  void configRoundTrip() {
    EinsumDense dense =
        new EinsumDense(
            EinsumDenseConfig.builder("abc,cd->abd", Arrays.asList(null, 4L))
                .biasAxes("d")
                .activation(BuiltinActivation.TANH)
                .build());
    assertConfigRoundTrip(dense);
  }

  @Test
  void readsTheConfigKerasWrote() throws Exception {
    JsonNode env =
        KerasJson.mapper()
            .readTree(
                ("{'module': 'keras.layers', 'class_name': 'EinsumDense', 'config': {'name':"
                        + " 'einsum_dense', 'trainable': true, 'dtype': {'module': 'keras',"
                        + " 'class_name': 'DTypePolicy', 'config': {'name': 'float32'},"
                        + " 'registered_name': null}, 'output_shape': [null, 4], 'equation':"
                        + " 'abc,cd->abd', 'activation': 'linear', 'bias_axes': 'd',"
                        + " 'kernel_initializer': {'module': 'keras.initializers', 'class_name':"
                        + " 'GlorotUniform', 'config': {'seed': null, 'input_axes': null,"
                        + " 'output_axes': null}, 'registered_name': null}, 'bias_initializer':"
                        + " {'module': 'keras.initializers', 'class_name': 'Zeros', 'config': {},"
                        + " 'registered_name': null}, 'kernel_regularizer': null,"
                        + " 'bias_regularizer': null, 'activity_regularizer': null,"
                        + " 'kernel_constraint': null, 'bias_constraint': null,"
                        + " 'quantization_config': null}, 'registered_name': null,"
                        + " 'build_config': {'input_shape': [null, 5, 6]}}")
                    .replace('\'', '"'));
    ConfigSerializer serializer = ConfigSerializer.of(KerasRegistry.builtins());
    EinsumDense dense = (EinsumDense) serializer.deserialize(env);
    assertEquals(Arrays.asList(null, 4L), dense.getConfig().outputShape());
    JsonNode written = serializer.serialize(dense).get("config");
    for (String key : List.of("output_shape", "equation", "activation", "bias_axes")) {
      assertJsonEquals(env.get("config").get(key), written.get(key));
    }
    assertTrue(written.get("activity_regularizer").isNull(), "written, null included, as Keras");
    assertTrue(written.get("quantization_config").isNull());
  }

  @Test
  void aSingleOutputDimensionIsAccepted() throws Exception {
    EinsumDenseConfig c =
        KerasJson.mapper()
            .readerFor(EinsumDenseConfig.class)
            .readValue("{\"equation\": \"ab,bc->ac\", \"output_shape\": 64}");
    assertEquals(List.of(64L), c.outputShape());
  }

  @Test
  void loraFailsLoudly() throws Exception {
    JsonNode env =
        KerasJson.mapper()
            .readTree(
                "{\"class_name\": \"EinsumDense\", \"config\": {\"name\": \"e\", \"equation\":"
                    + " \"ab,bc->ac\", \"output_shape\": [4], \"lora_rank\": 2}}");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigSerializer.of(KerasRegistry.builtins()).deserialize(env));
    assertTrue(e.getMessage().contains("lora_rank"), e.getMessage());
  }

  @Test
  void computesAnEinsumOverASequence() {
    EinsumDense dense =
        new EinsumDense(
            EinsumDenseConfig.builder("abc,cd->abd", Arrays.asList(5L, 4L))
                .biasAxes("d")
                .activation(BuiltinActivation.RELU)
                .kernelInitializer(new RandomUniform(5L, -1.0, 1.0))
                .biasInitializer(new RandomUniform(6L, -1.0, 1.0))
                .build());
    float[][][] x = new float[3][5][6];
    for (int i = 0; i < 3; i++) x[i] = DenseTest.randomMatrix(5, 6, 20 + i);
    try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = predict(dense, in)) {
      TFloat32 y = (TFloat32) r.get(0);
      assertEquals(Shape.of(3, 5, 4), y.shape());
      y.scalars().forEach(v -> assertTrue(v.getFloat() >= 0f, "relu output"));
    }
  }

  @Test
  void isDifferentiable() {
    EinsumDense dense = layer("abc,cd->abd", "d", 5L, 4L);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 5, 6)));
      @SuppressWarnings("unchecked")
      Operand<TFloat32> y =
          (Operand<TFloat32>) dense.apply(tf, List.of(x), CallContext.of(true)).get(0);
      Output<?>[] grads = g.addGradients(y.asOutput(), new Output<?>[] {x.asOutput()});
      assertEquals(Shape.of(2, 5, 6), grads[0].shape());
      dense.weights().forEach(w -> w.detach(g));
    }
  }

  @Test
  void readsAndWritesTheConfigsKerasWrote() {
    KerasConfigs.assertReadsAndWritesKerasConfigs("EinsumDense");
  }

  @Test
  void kernelFansCountTheContractedAndProducedAxes() {
    // Keras hands a variance-scaling initializer without axes the kernel's input and output axes.
    EinsumDense dense = layer("abc,cde->abde", null, 1L, 3L, 4L);
    assertOutputSpecMatchesGraph(dense, spec(TFloat32.class, 1, 2));
    VarianceScaling init = assertInstanceOf(VarianceScaling.class, dense.kernel().initializer());
    assertEquals(List.of(0), init.inputAxes());
    assertEquals(List.of(1, 2), init.outputAxes());
    assertEquals(new GlorotUniform().asVarianceScaling().mode(), init.mode());
    assertEquals(new GlorotUniform(), dense.getConfig().kernelInitializer(), "config unchanged");
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 3, 4)) {
      assertGradientsMatchFiniteDifferences(
          new EinsumDense(
              EinsumDenseConfig.builder("abc,cde->abde", Arrays.asList(3L, 2L, 5L))
                  .biasAxes("de")
                  .activation(BuiltinActivation.TANH)
                  .build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 3, 4)) {
      assertTrainingStepLowersLoss(layer("abc,cde->abde", "de", 3L, 2L, 5L), x);
    }
  }
}
