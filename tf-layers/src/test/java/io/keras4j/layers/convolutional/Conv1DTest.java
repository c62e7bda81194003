package io.keras4j.layers.convolutional;

import static io.keras4j.layers.convolutional.WindowTesting.assertClose;
import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.JsonAssert.assertJsonEquals;
import static io.keras4j.testing.LayerTestKit.FLOAT64;
import static io.keras4j.testing.LayerTestKit.assertConfigRoundTrip;
import static io.keras4j.testing.LayerTestKit.assertGradientsMatchFiniteDifferences;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertTrainingStepLowersLoss;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.gaussian;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.activations.BuiltinActivation;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class Conv1DTest {

  @Test
  void weights_are_the_kernel_then_the_bias_with_keras_shapes() {
    Conv1D conv = new Conv1D(ConvConfig.builder(4, 3).build());
    assertOutputSpecMatchesGraph(conv, spec(TFloat32.class, 12, 5));
    assertWeights(conv, "kernel(3, 5, 4)", "bias(4,)");
  }

  @Test
  void output_shape_matches_the_graph_for_every_padding_stride_dilation_and_format() {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME, Padding.CAUSAL),
            List.of(1, 2, 3),
            List.of(1, 2, 3),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      int stride = (int) c.get(1);
      int dilation = (int) c.get(2);
      if (stride > 1 && dilation > 1) continue;
      DataFormat format = (DataFormat) c.get(3);
      long steps = (boolean) c.get(4) ? 13 : -1;
      Conv1D conv =
          new Conv1D(
              ConvConfig.builder(4, 3)
                  .padding((Padding) c.get(0))
                  .strides(stride)
                  .dilationRate(dilation)
                  .dataFormat(format)
                  .build(),
              LayerArgs.named(("conv1d_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          conv,
          format == DataFormat.CHANNELS_LAST
              ? spec(TFloat32.class, steps, 3)
              : spec(TFloat32.class, 3, steps));
    }
  }

  @Test
  void causal_padding_equals_a_valid_convolution_after_zeros_before_the_sequence() {
    ConvConfig.Builder config = ConvConfig.builder(4, 3).dilationRate(2);
    Values x = pattern(0, 2, 10, 3);
    Values causal = run(new Conv1D(config.padding(Padding.CAUSAL).build()), x);
    int left = 2 * (3 - 1);
    float[] padded = new float[2 * (10 + left) * 3];
    for (int b = 0; b < 2; b++) {
      System.arraycopy(x.values(), b * 30, padded, (b * (10 + left) + left) * 3, 30);
    }
    Values valid =
        run(
            new Conv1D(config.padding(Padding.VALID).build()),
            new Values(Shape.of(2, 10 + left, 3), padded));
    assertClose(valid, causal, "causal output");
  }

  @Test
  void a_causal_output_does_not_depend_on_later_steps() {
    Conv1D conv = new Conv1D(ConvConfig.builder(2, 3).padding(Padding.CAUSAL).build());
    Values x = pattern(0, 1, 8, 2);
    float[] later = x.values().clone();
    for (int i = 5 * 2; i < later.length; i++) later[i] += 1; // steps 5, 6, 7
    Values a = run(conv, x);
    Values b = run(new Conv1D(conv.getConfig()), new Values(x.shape(), later));
    assertArrayEquals(
        Arrays.copyOf(a.values(), 5 * 2), Arrays.copyOf(b.values(), 5 * 2), "steps 0 to 4");
  }

  @Test
  void equals_conv2d_over_a_height_of_one() {
    Values x = pattern(0, 2, 9, 3);
    Values kernel = pattern(1, 3, 3, 4);
    Values bias = pattern(2, 4);
    Values oneD =
        run(
            new Conv1D(ConvConfig.builder(4, 3).strides(2).padding(Padding.SAME).build()),
            x,
            kernel.values(),
            bias.values());
    Values twoD =
        run(
            new Conv2D(ConvConfig.builder(4, 1, 3).strides(1, 2).padding(Padding.SAME).build()),
            new Values(Shape.of(2, 1, 9, 3), x.values()),
            kernel.values(),
            bias.values());
    assertClose(new Values(Shape.of(2, 1, 5, 4), oneD.values()), twoD, "Conv2D output");
  }

  @Test
  void channels_first_equals_channels_last_on_transposed_input() {
    Values x = pattern(0, 2, 11, 3);
    ConvConfig.Builder config = ConvConfig.builder(4, 3).padding(Padding.CAUSAL).dilationRate(2);
    Values last = run(new Conv1D(config.build()), x);
    Values first =
        run(new Conv1D(config.dataFormat(DataFormat.CHANNELS_FIRST).build()), x.transpose(0, 2, 1));
    assertClose(last, first.transpose(0, 2, 1), "channels_first output, transposed");
  }

  @Test
  void reads_and_writes_the_json_keras_wrote() throws Exception {
    JsonNode keras = WindowTesting.kerasSerialized("Conv1D");
    Layer conv = WindowTesting.read(keras);
    assertInstanceOf(Conv1D.class, conv);
    assertJsonEquals(keras, WindowTesting.write(conv));
    assertConfigRoundTrip(conv);
  }

  @Test
  void keras_other_name_convolution1d_reads_as_conv1d() throws Exception {
    assertInstanceOf(
        Conv1D.class, WindowTesting.read("Convolution1D", "{\"filters\": 2, \"kernel_size\": 3}"));
  }

  @Test
  void training_can_differentiate_through_the_layer() {
    WindowTesting.assertDifferentiable(
        new Conv1D(ConvConfig.builder(4, 3).padding(Padding.CAUSAL).dilationRate(2).build()),
        spec(TFloat32.class, 10, 3));
    WindowTesting.assertDifferentiable(
        new Conv1D(
            ConvConfig.builder(4, 3)
                .strides(2)
                .groups(2)
                .dataFormat(DataFormat.CHANNELS_FIRST)
                .build()),
        spec(TFloat32.class, 4, 10));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 7, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv1D(
              ConvConfig.builder(4, 3)
                  .strides(2)
                  .padding(Padding.SAME)
                  .activation(BuiltinActivation.TANH)
                  .build(),
              FLOAT64),
          x);
    }
  }

  @Test
  void oneTrainingStepLowersTheLoss() {
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 7, 3)) {
      assertTrainingStepLowersLoss(
          new Conv1D(
              ConvConfig.builder(4, 3)
                  .strides(2)
                  .padding(Padding.SAME)
                  .activation(BuiltinActivation.TANH)
                  .build()),
          x);
    }
  }

  /**
   * Dilated layers train: they dilate through {@code SpaceToBatchND} / {@code BatchToSpaceND}, as
   * {@code tf.nn.convolution} does, because TensorFlow's CPU gradient kernels of dilated
   * convolutions refuse dilations (float64) or abort the JVM under oneDNN (float32).
   */
  @Test
  void dilatedGradientsMatchFiniteDifferencesAndTrain() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 9, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv1D(ConvConfig.builder(4, 3).dilationRate(2).build(), FLOAT64), x);
    }
    try (TFloat32 x = gaussian(TFloat32.class, 2, 2, 9, 3)) {
      assertTrainingStepLowersLoss(new Conv1D(ConvConfig.builder(4, 3).dilationRate(2).build()), x);
    }
  }

  @Test
  void causalGradientsMatchFiniteDifferences() {
    try (TFloat64 x = gaussian(TFloat64.class, 1, 2, 6, 3)) {
      assertGradientsMatchFiniteDifferences(
          new Conv1D(ConvConfig.builder(2, 3).padding(Padding.CAUSAL).build(), FLOAT64), x);
    }
  }
}
