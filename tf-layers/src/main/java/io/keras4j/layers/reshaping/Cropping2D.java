package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Removes rows and columns at the borders of images. Keras' {@code keras.layers.Cropping2D}.
 *
 * <p>Input {@code (batch, height, width, channels)} ({@code channels_first}: {@code (batch,
 * channels, height, width)}), output {@code (batch, height - top - bottom, width - left - right,
 * channels)} with {@code y[:, i, j] = x[:, top + i, left + j]}.
 *
 * <pre>{@code
 * Cropping2D crop = new Cropping2D(Cropping2DConfig.builder().cropping(1, 0, 2, 1).build());
 * KerasTensor y = crop.apply(Input.of(6, 7, 2)); // (None, 5, 4, 2)
 * }</pre>
 */
public final class Cropping2D extends Cropping {

  private final Cropping2DConfig config;

  public Cropping2D(Cropping2DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Cropping2D(Cropping2DConfig config, LayerArgs args) {
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
  public Cropping2DConfig getConfig() {
    return config;
  }
}
