package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Repeats every entry of a volume {@code size[i]} times along spatial axis {@code i}. Keras' {@code
 * keras.layers.UpSampling3D}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} ({@code channels_first}: {@code (batch, channels,
 * d1, d2, d3)}), output {@code (batch, d1 * size[0], d2 * size[1], d3 * size[2], channels)}.
 *
 * <pre>{@code
 * UpSampling3D up = new UpSampling3D(UpSampling3DConfig.builder().size(1, 2, 3).build());
 * KerasTensor y = up.apply(Input.of(2, 2, 2, 1)); // (None, 2, 4, 6, 1)
 * }</pre>
 */
public final class UpSampling3D extends UpSampling {

  private final UpSampling3DConfig config;

  public UpSampling3D(UpSampling3DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public UpSampling3D(UpSampling3DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  List<Integer> size() {
    return config.size();
  }

  @Override
  boolean channelsFirst() {
    return config.dataFormat().equals(ArgumentValidation.CHANNELS_FIRST);
  }

  @Override
  public UpSampling3DConfig getConfig() {
    return config;
  }
}
