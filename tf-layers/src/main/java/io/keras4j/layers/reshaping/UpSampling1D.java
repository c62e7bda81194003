package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Repeats every step {@code size} times along axis 1. Keras' {@code keras.layers.UpSampling1D}.
 *
 * <p>Input {@code (batch, steps, features)}, output {@code (batch, steps * size, features)} with
 * {@code y[:, i] = x[:, i / size]}.
 *
 * <pre>{@code
 * UpSampling1D up = new UpSampling1D(UpSampling1DConfig.of(3));
 * KerasTensor y = up.apply(Input.of(4, 2)); // (None, 12, 2)
 * }</pre>
 */
public final class UpSampling1D extends UpSampling {

  private final UpSampling1DConfig config;

  public UpSampling1D(UpSampling1DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public UpSampling1D(UpSampling1DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  List<Integer> size() {
    return List.of(config.size());
  }

  @Override
  boolean channelsFirst() {
    return false;
  }

  @Override
  public UpSampling1DConfig getConfig() {
    return config;
  }
}
