package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;

/**
 * Gated recurrent unit (Cho et al. 2014). Keras' {@code keras.layers.GRU}: an {@link RNN} over a
 * {@link GRUCell}, whose settings the layer's config carries; see the cell for the equations and
 * the two {@code reset_after} conventions.
 *
 * <p>Input {@code (batch, timesteps, features)}; output {@code (batch, units)}, or {@code (batch,
 * timesteps, units)} with {@code return_sequences}; with {@code return_state} the last state
 * follows. Weights, in the {@code cell} child: {@code kernel} {@code (features, 3 * units)}, {@code
 * recurrent_kernel} {@code (units, 3 * units)}, {@code bias} {@code (2, 3 * units)} with {@code
 * reset_after} (the default), else {@code (3 * units,)}.
 *
 * <pre>{@code
 * GRU gru = new GRU(GRUConfig.builder(5).returnSequences(true).build());
 * KerasTensor y = gru.apply(Input.of(6, 4)); // (None, 6, 5)
 * }</pre>
 */
public final class GRU extends RecurrentLayer {

  private final GRUConfig config;
  private final GRUCell cell;

  public GRU(GRUConfig config) {
    this(config, LayerArgs.defaults());
  }

  public GRU(GRUConfig config, LayerArgs args) {
    super(RecurrentLayer.withActivityRegularizer(args, config.activityRegularizer()));
    // The config names the same activity regularizer as the base arguments, whichever set it.
    Regularizer activity = args().activityRegularizer();
    this.config =
        Objects.equals(activity, config.activityRegularizer())
            ? config
            : config.toBuilder().activityRegularizer(activity).build();
    // Keras parity: the cell is always named gru_cell and shares the layer's dtype policy
    // and trainable flag.
    this.cell =
        new GRUCell(
            config.cellConfig(),
            LayerArgs.named("gru_cell").withDtype(args.dtype()).withTrainable(args.trainable()));
  }

  @Override
  public GRUCell cell() {
    return cell;
  }

  @Override
  public GRUConfig getConfig() {
    return config;
  }

  @Override
  protected GRU copy(String name, boolean goBackwards, boolean zeroOutputForMask) {
    return new GRU(
        config.toBuilder().goBackwards(goBackwards).zeroOutputForMask(zeroOutputForMask).build(),
        args().withName(name));
  }
}
