package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.serialization.LayerType;

/**
 * A recurrent layer over any cell: Keras' {@code keras.layers.RNN}. The cell computes one time
 * step; the layer runs it over the sequence with the settings of {@link RecurrentLayer}.
 *
 * <p>Input {@code (batch, timesteps, features)}; output {@code (batch, output_size)}, or {@code
 * (batch, timesteps, output_size)} with {@code return_sequences}; with {@code return_state} the
 * last states follow. The weights are the cell's, saved under the {@code cell} child.
 *
 * <pre>{@code
 * RNN rnn = new RNN(RNNConfig.builder(new GRUCell(GRUCellConfig.builder(5).build())).build());
 * KerasTensor y = rnn.apply(Input.of(6, 4)); // (None, 5)
 * }</pre>
 */
public final class RNN extends RecurrentLayer {

  private final RNNConfig config;

  public RNN(RNNConfig config) {
    this(config, LayerArgs.defaults());
  }

  public RNN(RNNConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  public RNNCell cell() {
    return config.rnnCell();
  }

  @Override
  public RNNConfig getConfig() {
    return config;
  }

  @Override
  protected RNN copy(String name, boolean goBackwards, boolean zeroOutputForMask) {
    RNNCell cell = cell();
    // A new cell of the same class and config, with weights of its own.
    RNNCell copy =
        (RNNCell) LayerType.reflect(cell.getClass(), null).create(cell.getConfig(), cell.args());
    return new RNN(
        config.toBuilder()
            .cell(copy)
            .goBackwards(goBackwards)
            .zeroOutputForMask(zeroOutputForMask)
            .build(),
        args().withName(name));
  }
}
