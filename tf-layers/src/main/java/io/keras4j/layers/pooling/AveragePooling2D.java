package io.keras4j.layers.pooling;

import io.keras4j.layers.LayerArgs;

/**
 * 2-D average pooling: the average of each window, per channel (with {@code same} padding, of the
 * cells inside the input only). Keras' {@code keras.layers.AveragePooling2D}.
 *
 * <p>Along each spatial axis an input of {@code n} cells gives {@code floor((n - pool_size) /
 * strides) + 1} cells with {@code valid} padding, {@code floor((n - 1) / strides) + 1} with {@code
 * same}.
 *
 * <p>Input {@code (batch, rows, cols, channels)} (or {@code (batch, channels, rows, cols)} for
 * {@code channels_first}), output {@code (batch, pooled_rows, pooled_cols, channels)}. No weights.
 *
 * <pre>{@code
 * KerasTensor y = new AveragePooling2D(PoolingConfig.builder(3, 3).strides(2).padding(Padding.SAME).build())
 *     .apply(Input.of(9, 8, 2)); // (None, 5, 4, 2)
 * }</pre>
 */
public final class AveragePooling2D extends BasePooling {

  public AveragePooling2D(PoolingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public AveragePooling2D(PoolingConfig config, LayerArgs args) {
    super(2, PoolMode.AVERAGE, config, args);
  }
}
