package io.keras4j.layers.regularization;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' regularization layers, one line per class. */
public final class RegularizationLayers {

  private RegularizationLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("Dropout", Dropout.class, DropoutConfig.class, Dropout::new));
    b.layer(
        LayerType.of(
                "SpatialDropout1D",
                SpatialDropout1D.class,
                SpatialDropout1DConfig.class,
                SpatialDropout1D::new)
            .withBaseKeys(LayerType.BaseKeys.NAME_AND_DTYPE_NAME));
    b.layer(
        LayerType.of(
                "SpatialDropout2D",
                SpatialDropout2D.class,
                SpatialDropout2DConfig.class,
                SpatialDropout2D::new)
            .withBaseKeys(LayerType.BaseKeys.NAME_AND_DTYPE_NAME));
    b.layer(
        LayerType.of(
                "SpatialDropout3D",
                SpatialDropout3D.class,
                SpatialDropout3DConfig.class,
                SpatialDropout3D::new)
            .withBaseKeys(LayerType.BaseKeys.NAME_AND_DTYPE_NAME));
    b.layer(
        LayerType.of(
            "GaussianNoise", GaussianNoise.class, GaussianNoiseConfig.class, GaussianNoise::new));
    b.layer(
        LayerType.of(
            "GaussianDropout",
            GaussianDropout.class,
            GaussianDropoutConfig.class,
            GaussianDropout::new));
    b.layer(
        LayerType.of(
            "AlphaDropout", AlphaDropout.class, AlphaDropoutConfig.class, AlphaDropout::new));
  }
}
