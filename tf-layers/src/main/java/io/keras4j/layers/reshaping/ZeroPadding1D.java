package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Adds zeros at the start and the end of the steps axis. Keras' {@code keras.layers.ZeroPadding1D}.
 *
 * <p>Input {@code (batch, steps, features)} ({@code channels_first}: {@code (batch, features,
 * steps)}), output {@code (batch, start + steps + end, features)}.
 *
 * <pre>{@code
 * ZeroPadding1D pad = new ZeroPadding1D(ZeroPadding1DConfig.of(2, 2));
 * KerasTensor y = pad.apply(Input.of(5, 3)); // (None, 9, 3)
 * }</pre>
 */
public final class ZeroPadding1D extends ZeroPadding {

  private final ZeroPadding1DConfig config;

  public ZeroPadding1D(ZeroPadding1DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public ZeroPadding1D(ZeroPadding1DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  List<List<Integer>> padding() {
    return List.of(config.padding());
  }

  @Override
  boolean channelsFirst() {
    return config.dataFormat().equals(ArgumentValidation.CHANNELS_FIRST);
  }

  @Override
  public ZeroPadding1DConfig getConfig() {
    return config;
  }
}
