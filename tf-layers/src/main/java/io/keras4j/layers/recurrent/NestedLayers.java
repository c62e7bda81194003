package io.keras4j.layers.recurrent;

import io.keras4j.layers.Layer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Value equality for config records that hold layers ({@code RNN}'s cell, the layers a wrapper
 * wraps): two nested layers are equal when they are of the same class, with the same base arguments
 * (name included) and equal configs, as their saved JSON would be.
 */
final class NestedLayers {

  private NestedLayers() {}

  static boolean equal(@Nullable Layer a, @Nullable Layer b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    return a.getClass() == b.getClass()
        && a.args().equals(b.args())
        && a.getConfig().equals(b.getConfig())
        && a.unknownConfig().equals(b.unknownConfig());
  }

  static int hash(@Nullable Layer a) {
    return a == null ? 0 : Objects.hash(a.getClass(), a.args(), a.getConfig());
  }
}
