package io.keras4j.serialization;

import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializers;
import io.keras4j.layers.activations.ActivationLayers;
import io.keras4j.layers.attention.AttentionLayers;
import io.keras4j.layers.convolutional.ConvolutionalLayers;
import io.keras4j.layers.core.CoreLayers;
import io.keras4j.layers.merging.MergingLayers;
import io.keras4j.layers.normalization.NormalizationLayers;
import io.keras4j.layers.pooling.PoolingLayers;
import io.keras4j.layers.preprocessing.PreprocessingLayers;
import io.keras4j.layers.recurrent.RecurrentLayers;
import io.keras4j.layers.regularization.RegularizationLayers;
import io.keras4j.layers.reshaping.ReshapingLayers;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.Metrics;
import io.keras4j.optimizers.Optimizers;
import io.keras4j.regularizers.Regularizers;

/** Every built-in family of layers and objects; each family registers its own classes. */
final class Builtins {

  private Builtins() {}

  static void register(KerasRegistry.Builder b) {
    Initializers.register(b);
    Regularizers.register(b);
    Constraints.register(b);
    Activations.register(b);
    Losses.register(b);
    Metrics.register(b);
    Optimizers.register(b);
    CoreLayers.register(b);
    ActivationLayers.register(b);
    ReshapingLayers.register(b);
    MergingLayers.register(b);
    RegularizationLayers.register(b);
    ConvolutionalLayers.register(b);
    PoolingLayers.register(b);
    NormalizationLayers.register(b);
    RecurrentLayers.register(b);
    AttentionLayers.register(b);
    PreprocessingLayers.register(b);
  }
}
