package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;

/**
 * Long short-term memory (Hochreiter 1997). Keras' {@code keras.layers.LSTM}: an {@link RNN} over
 * an {@link LSTMCell}, whose settings the layer's config carries; see the cell for the equations.
 *
 * <p>Input {@code (batch, timesteps, features)}; output {@code (batch, units)}, or {@code (batch,
 * timesteps, units)} with {@code return_sequences}; with {@code return_state} the last {@code h}
 * and {@code c} follow, each {@code (batch, units)}. Weights, in the {@code cell} child: {@code
 * kernel} {@code (features, 4 * units)}, {@code recurrent_kernel} {@code (units, 4 * units)},
 * {@code bias} {@code (4 * units,)}.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(LSTMConfig.builder(5).returnSequences(true).returnState(true).build());
 * List<KerasTensor> outputs = lstm.applyAll(CallArgs.of(Input.of(6, 3))); // sequences, h, c
 * }</pre>
 */
public final class LSTM extends RecurrentLayer {

  private final LSTMConfig config;
  private final LSTMCell cell;

  public LSTM(LSTMConfig config) {
    this(config, LayerArgs.defaults());
  }

  public LSTM(LSTMConfig config, LayerArgs args) {
    super(RecurrentLayer.withActivityRegularizer(args, config.activityRegularizer()));
    // The config names the same activity regularizer as the base arguments, whichever set it.
    Regularizer activity = args().activityRegularizer();
    this.config =
        Objects.equals(activity, config.activityRegularizer())
            ? config
            : config.toBuilder().activityRegularizer(activity).build();
    // Keras parity: the cell is always named lstm_cell and shares the layer's dtype policy
    // and trainable flag.
    this.cell =
        new LSTMCell(
            config.cellConfig(),
            LayerArgs.named("lstm_cell").withDtype(args.dtype()).withTrainable(args.trainable()));
  }

  @Override
  public LSTMCell cell() {
    return cell;
  }

  @Override
  public LSTMConfig getConfig() {
    return config;
  }

  @Override
  protected LSTM copy(String name, boolean goBackwards, boolean zeroOutputForMask) {
    return new LSTM(
        config.toBuilder().goBackwards(goBackwards).zeroOutputForMask(zeroOutputForMask).build(),
        args().withName(name));
  }
}
