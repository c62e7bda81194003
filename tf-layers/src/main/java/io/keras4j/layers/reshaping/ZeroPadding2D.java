package io.keras4j.layers.reshaping;

import io.keras4j.layers.LayerArgs;
import java.util.List;

/**
 * Adds rows and columns of zeros at the borders of images. Keras' {@code
 * keras.layers.ZeroPadding2D}.
 *
 * <p>Input {@code (batch, height, width, channels)} ({@code channels_first}: {@code (batch,
 * channels, height, width)}), output {@code (batch, top + height + bottom, left + width + right,
 * channels)}.
 *
 * <pre>{@code
 * ZeroPadding2D pad = new ZeroPadding2D(ZeroPadding2DConfig.builder().padding(1, 2, 0, 1).build());
 * KerasTensor y = pad.apply(Input.of(4, 4, 2)); // (None, 7, 5, 2)
 * }</pre>
 */
public final class ZeroPadding2D extends ZeroPadding {

  private final ZeroPadding2DConfig config;

  public ZeroPadding2D(ZeroPadding2DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public ZeroPadding2D(ZeroPadding2DConfig config, LayerArgs args) {
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
  public ZeroPadding2DConfig getConfig() {
    return config;
  }
}
