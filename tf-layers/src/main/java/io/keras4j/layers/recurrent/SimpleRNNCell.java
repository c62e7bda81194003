package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The step of a fully connected recurrent layer: {@code h = activation(x · kernel + bias + h_prev ·
 * recurrent_kernel)}, which is both the output and the single state. Keras' {@code
 * keras.layers.SimpleRNNCell}.
 *
 * <p>Step input {@code (batch, features)}, output and state {@code (batch, units)}. Weights: {@code
 * kernel} {@code (features, units)}, {@code recurrent_kernel} {@code (units, units)}, then {@code
 * bias} {@code (units,)} when {@code use_bias}. In training, {@code dropout} and {@code
 * recurrent_dropout} drop the same input and state units at every step of a sequence.
 *
 * <pre>{@code
 * RNN rnn = new RNN(RNNConfig.builder(new SimpleRNNCell(SimpleRNNCellConfig.builder(5).build())).build());
 * }</pre>
 */
public final class SimpleRNNCell extends RNNCell {

  private final SimpleRNNCellConfig config;
  private @Nullable Weight kernel;
  private @Nullable Weight recurrentKernel;
  private @Nullable Weight bias;

  public SimpleRNNCell(SimpleRNNCellConfig config) {
    this(config, LayerArgs.defaults());
  }

  public SimpleRNNCell(SimpleRNNCellConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long inputDim = inputShape.get(inputShape.numDimensions() - 1);
    kernel =
        addWeight(
            tf,
            "kernel",
            Shape.of(inputDim, config.units()),
            WeightOptions.of(config.kernelInitializer())
                .regularizer(config.kernelRegularizer())
                .constraint(config.kernelConstraint()));
    recurrentKernel =
        addWeight(
            tf,
            "recurrent_kernel",
            Shape.of(config.units(), config.units()),
            WeightOptions.of(config.recurrentInitializer())
                .regularizer(config.recurrentRegularizer())
                .constraint(config.recurrentConstraint()));
    if (config.useBias()) {
      bias =
          addWeight(
              tf,
              "bias",
              Shape.of(config.units()),
              WeightOptions.of(config.biasInitializer())
                  .regularizer(config.biasRegularizer())
                  .constraint(config.biasConstraint()));
    }
  }

  @Override
  public Step prepare(Ops tf, Operand<TFloating> stepInput, boolean training) {
    Class<TFloating> dtype = stepInput.type();
    Operand<TFloating> k = read(tf, kernel, dtype);
    Operand<TFloating> r = read(tf, recurrentKernel, dtype);
    Operand<TFloating> b = bias == null ? null : read(tf, bias, dtype);
    List<Operand<TFloating>> inputMask =
        training
            ? dropoutMasks(tf, tf.shape(stepInput), dtype, config.dropout(), config.seed(), 1)
            : List.of();
    List<Operand<TFloating>> stateMask =
        training
            ? dropoutMasks(
                tf,
                batchShape(tf, stepInput, config.units()),
                dtype,
                config.recurrentDropout(),
                config.seed() == null ? null : config.seed() + 1,
                1)
            : List.of();
    return (s, x, states) -> {
      Operand<TFloating> prev = states.get(0);
      if (!inputMask.isEmpty()) x = s.math.mul(x, inputMask.get(0));
      Operand<TFloating> h = s.linalg.matMul(x, k);
      if (b != null) h = s.nn.biasAdd(h, b);
      if (!stateMask.isEmpty()) prev = s.math.mul(prev, stateMask.get(0));
      Operand<TFloating> out = config.activation().call(s, s.math.add(h, s.linalg.matMul(prev, r)));
      return new StepOutput(out, List.of(out));
    };
  }

  @Override
  public List<Integer> stateSize() {
    return List.of(config.units());
  }

  @Override
  public SimpleRNNCellConfig getConfig() {
    return config;
  }
}
