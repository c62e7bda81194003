package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Removes entries at the borders of volumes. Keras' {@code keras.layers.Cropping3D}.
 *
 * <p>Input {@code (batch, d1, d2, d3, channels)} ({@code channels_first}: {@code (batch, channels,
 * d1, d2, d3)}), output {@code (batch, d1 - c1[0] - c1[1], ..., channels)} with {@code y[:, i, j,
 * k] = x[:, c1[0] + i, c2[0] + j, c3[0] + k]}.
 *
 * <pre>{@code
 * Cropping3D crop = new Cropping3D(Cropping3DConfig.builder().cropping(1, 0, 2).build());
 * KerasTensor y = crop.apply(Input.of(4, 5, 6, 2)); // (None, 2, 5, 2, 2)
 * }</pre>
 */
public final class Cropping3D extends Cropping {

  private final Cropping3DConfig config;

  public Cropping3D(Cropping3DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Cropping3D(Cropping3DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  List<List<Integer>> cropping() {
    return config.cropping();
  }

  @Override
  boolean channelsFirst() {
    return config.dataFormat().equals(ArgumentValidation.CHANNELS_FIRST);
  }

  @Override
  public Cropping3DConfig getConfig() {
    return config;
  }
}
