package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Adds zeros at the borders of volumes. Keras' {@code keras.layers.ZeroPadding3D}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} ({@code channels_first}: {@code (batch, channels,
 * d1, d2, d3)}), output {@code (batch, p1[0] + d1 + p1[1], ..., channels)}.
 *
 * <pre>{@code
 * ZeroPadding3D pad = new ZeroPadding3D(ZeroPadding3DConfig.builder().padding(1, 0, 2).build());
 * KerasTensor y = pad.apply(Input.of(2, 3, 4, 1)); // (None, 4, 3, 8, 1)
 * }</pre>
 */
public final class ZeroPadding3D extends ZeroPadding {

  private final ZeroPadding3DConfig config;

  public ZeroPadding3D(ZeroPadding3DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public ZeroPadding3D(ZeroPadding3DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  List<List<Integer>> padding() {
    return config.padding();
  }

  @Override
  boolean channelsFirst() {
    return config.dataFormat().equals(ArgumentValidation.CHANNELS_FIRST);
  }

  @Override
  public ZeroPadding3DConfig getConfig() {
    return config;
  }
}
