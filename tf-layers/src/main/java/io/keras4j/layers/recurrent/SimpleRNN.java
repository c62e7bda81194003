package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;

/**
 * A fully connected recurrent layer whose output is fed back: {@code h_t = activation(x_t · kernel
 * + bias + h_{t-1} · recurrent_kernel)}. Keras' {@code keras.layers.SimpleRNN}: an {@link RNN} over
 * a {@link SimpleRNNCell}, whose settings the layer's config carries.
 *
 * <p>Input {@code (batch, timesteps, features)}; output {@code (batch, units)}, or {@code (batch,
 * timesteps, units)} with {@code return_sequences}; with {@code return_state} the last state
 * follows. Weights, in the {@code cell} child: {@code kernel}, {@code recurrent_kernel}, {@code
 * bias}.
 *
 * <pre>{@code
 * SimpleRNN rnn = new SimpleRNN(SimpleRNNConfig.builder(5).returnSequences(true).build());
 * KerasTensor y = rnn.apply(Input.of(6, 4)); // (None, 6, 5)
 * }</pre>
 */
public final class SimpleRNN extends RecurrentLayer {

  private final SimpleRNNConfig config;
  private final SimpleRNNCell cell;

  public SimpleRNN(SimpleRNNConfig config) {
    this(config, LayerArgs.defaults());
  }

  public SimpleRNN(SimpleRNNConfig config, LayerArgs args) {
    super(RecurrentLayer.withActivityRegularizer(args, config.activityRegularizer()));
    // The config names the same activity regularizer as the base arguments, whichever set it.
    Regularizer activity = args().activityRegularizer();
    this.config =
        Objects.equals(activity, config.activityRegularizer())
            ? config
            : config.toBuilder().activityRegularizer(activity).build();
    // Keras parity: the cell is always named simple_rnn_cell and shares the layer's dtype policy
    // and trainable flag.
    this.cell =
        new SimpleRNNCell(
            config.cellConfig(),
            LayerArgs.named("simple_rnn_cell")
                .withDtype(args.dtype())
                .withTrainable(args.trainable()));
  }

  @Override
  public SimpleRNNCell cell() {
    return cell;
  }

  @Override
  public SimpleRNNConfig getConfig() {
    return config;
  }

  @Override
  protected SimpleRNN copy(String name, boolean goBackwards, boolean zeroOutputForMask) {
    return new SimpleRNN(
        config.toBuilder().goBackwards(goBackwards).zeroOutputForMask(zeroOutputForMask).build(),
        args().withName(name));
  }
}
