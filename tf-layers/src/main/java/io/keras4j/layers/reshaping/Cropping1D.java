package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Removes {@code cropping[0]} steps at the start and {@code cropping[1]} at the end of axis 1.
 * Keras' {@code keras.layers.Cropping1D}.
 *
 * <p>Input {@code (batch, steps, features)}, output {@code (batch, steps - start - end, features)}
 * with {@code y[:, i] = x[:, start + i]}.
 *
 * <pre>{@code
 * Cropping1D crop = new Cropping1D(Cropping1DConfig.of(1, 2));
 * KerasTensor y = crop.apply(Input.of(8, 3)); // (None, 5, 3)
 * }</pre>
 */
public final class Cropping1D extends Cropping {

  private final Cropping1DConfig config;

  public Cropping1D(Cropping1DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Cropping1D(Cropping1DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  List<List<Integer>> cropping() {
    return List.of(config.cropping());
  }

  @Override
  boolean channelsFirst() {
    return false;
  }

  @Override
  public Cropping1DConfig getConfig() {
    return config;
  }
}
