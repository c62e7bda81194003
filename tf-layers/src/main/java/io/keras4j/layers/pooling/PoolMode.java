package io.keras4j.layers.pooling;

/** Keras' {@code pool_mode}: the maximum or the average of each window. */
enum PoolMode {
  MAX,
  AVERAGE
}
